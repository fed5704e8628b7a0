import { useState, type FormEvent } from 'react';
import type { Me } from '@pm/users/contract';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { SelectField, TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateMe } from '../hooks/use-preferences.ts';
import { BROWSER_LANGUAGE, BROWSER_TIME_ZONE, languageOptions, timeZoneOptions } from '../locale-options.ts';

const LABELS = { avatar_url: 'Avatar URL', bio: 'Bio', timezone: 'Time zone', language: 'Language' };

interface Values {
  avatar_url: string;
  bio: string;
  timezone: string;
  language: string;
}

function valuesOf({ profile }: Pick<Me, 'profile'>): Values {
  return {
    avatar_url: profile.avatar_url ?? '',
    bio: profile.bio ?? '',
    timezone: profile.timezone ?? '',
    language: profile.language ?? '',
  };
}

/** Picture, bio, time zone and language; saved together with one button. */
export function PersonalProfileForm({ me }: { me: Me }) {
  const [values, setValues] = useState(() => valuesOf(me));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const update = useUpdateMe(me);
  const toast = useToast();
  const saved = valuesOf(me);
  const isDirty = (Object.keys(values) as (keyof Values)[]).some((key) => values[key].trim() !== saved[key]);
  const set = (key: keyof Values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const avatar = values.avatar_url.trim();
    if (avatar && !/^https:\/\/\S+$/.test(avatar)) {
      setErrors({ fields: { avatar_url: 'Use an https:// address of an image' }, banner: null });
      return;
    }
    update.mutate(
      {
        avatar_url: avatar || null,
        bio: values.bio.trim() || null,
        timezone: values.timezone || null,
        language: values.language || null,
      },
      {
        onSuccess: (user) => {
          setValues(valuesOf(user));
          setErrors(NO_ERRORS);
          toast.show('Preferences saved');
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Profile and region">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <div className="avatar-field">
        <Avatar
          name={me.display_name}
          src={values.avatar_url.startsWith('https://') ? values.avatar_url : null}
          size={44}
        />
        <Field
          name="avatar_url"
          label={LABELS.avatar_url}
          optional
          type="url"
          placeholder="https://…"
          value={values.avatar_url}
          onChange={set('avatar_url')}
          error={errors.fields.avatar_url}
          hint="A square picture works best. Without one, teammates see your initials."
          className="avatar-field-input"
        />
      </div>
      <TextAreaField
        name="bio"
        label={LABELS.bio}
        optional
        rows={3}
        maxLength={2000}
        value={values.bio}
        onChange={set('bio')}
        error={errors.fields.bio}
        hint="A line or two about what you work on."
      />
      <div className="form-row">
        <SelectField
          name="timezone"
          label={LABELS.timezone}
          value={values.timezone}
          onChange={set('timezone')}
          options={[{ value: '', label: `Browser default (${BROWSER_TIME_ZONE})` }, ...timeZoneOptions()]}
          error={errors.fields.timezone}
        />
        <SelectField
          name="language"
          label={LABELS.language}
          value={values.language}
          onChange={set('language')}
          options={[
            { value: '', label: `Browser default (${BROWSER_LANGUAGE})` },
            ...languageOptions(me.profile.language),
          ]}
          error={errors.fields.language}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={update.isPending} disabled={!isDirty}>
          Save changes
        </Button>
        {isDirty ? (
          <Button
            variant="ghost"
            onClick={() => {
              setValues(saved);
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
