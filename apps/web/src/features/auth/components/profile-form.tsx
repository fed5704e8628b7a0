import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { UpdateProfileRequest, User } from '../auth.types.ts';
import { useUpdateProfile } from '../hooks/use-auth-mutations.ts';

interface ProfileValues {
  first_name: string;
  last_name: string;
  username: string;
}

const LABELS: Record<keyof ProfileValues, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  username: 'Username',
};

function valuesOf(user: User): ProfileValues {
  return { first_name: user.first_name ?? '', last_name: user.last_name ?? '', username: user.username };
}

/** Only what the user changed goes to the server; an emptied name is cleared (null). */
function changesBetween(values: ProfileValues, user: User): UpdateProfileRequest {
  const saved = valuesOf(user);
  const changes: UpdateProfileRequest = {};
  for (const key of ['first_name', 'last_name'] as const) {
    const value = values[key].trim();
    if (value !== saved[key]) {
      changes[key] = value === '' ? null : value;
    }
  }
  if (values.username.trim() !== saved.username) {
    changes.username = values.username.trim();
  }
  return changes;
}

export function ProfileForm({ user }: { user: User }) {
  const [values, setValues] = useState(() => valuesOf(user));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateProfile();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const changes = changesBetween(values, user);
  const isDirty = Object.keys(changes).length > 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.username.trim() === '') {
      setErrors({ fields: { username: 'Choose a username' }, banner: null });
      return;
    }
    if (!isDirty) {
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        setValues(valuesOf(saved));
        setErrors(NO_ERRORS);
        toast.show('Profile saved');
      },
      onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
    });
  };

  const field = (name: keyof ProfileValues) => ({
    name,
    label: LABELS[name],
    value: values[name],
    error: errors.fields[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Personal details">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <div className="form-row">
        <Field {...field('first_name')} autoComplete="given-name" maxLength={100} />
        <Field {...field('last_name')} autoComplete="family-name" maxLength={100} />
      </div>
      <Field
        {...field('username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        hint="Letters, digits, dots, dashes and underscores. Teammates can @mention you by it."
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={update.isPending} disabled={!isDirty}>
          Save changes
        </Button>
        {isDirty ? (
          <Button
            variant="ghost"
            onClick={() => {
              setValues(valuesOf(user));
              setErrors(NO_ERRORS);
            }}
          >
            Discard
          </Button>
        ) : null}
      </div>
    </form>
  );
}
