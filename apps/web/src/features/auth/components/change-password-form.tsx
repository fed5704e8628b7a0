import { useRef, useState, type FormEvent } from 'react';
import {
  formErrorsFrom,
  missingFields,
  NO_ERRORS,
  type FormErrors,
} from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useChangePassword } from '../hooks/use-auth-mutations.ts';

const LABELS = {
  current_password: 'Current password',
  new_password: 'New password',
  confirm_password: 'Confirm new password',
};

export function ChangePasswordForm() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const change = useChangePassword();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formValues(form, ['current_password', 'new_password', 'confirm_password'] as const);
    const missing = missingFields(values, LABELS);
    if (Object.keys(missing.fields).length > 0) {
      setErrors(missing);
      return;
    }
    if (values.new_password !== values.confirm_password) {
      setErrors({ fields: { confirm_password: "The passwords don't match" }, banner: null });
      return;
    }
    change.mutate(
      { current_password: values.current_password, new_password: values.new_password },
      {
        onSuccess: () => {
          form.reset();
          setErrors(NO_ERRORS);
          toast.show('Password changed');
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <Field
        name="current_password"
        label={LABELS.current_password}
        type="password"
        autoComplete="current-password"
        error={errors.fields.current_password}
      />
      <div className="form-row">
        <Field
          name="new_password"
          label={LABELS.new_password}
          type="password"
          autoComplete="new-password"
          error={errors.fields.new_password}
        />
        <Field
          name="confirm_password"
          label={LABELS.confirm_password}
          type="password"
          autoComplete="new-password"
          error={errors.fields.confirm_password}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" isLoading={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
