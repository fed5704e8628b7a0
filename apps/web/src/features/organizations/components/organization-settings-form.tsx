import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/problem.ts';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { SelectField, Switch } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useSignedInUser } from '../../auth/hooks/use-session.ts';
import { useUpdateOrganization } from '../hooks/use-organization-mutations.ts';
import type { Organization, OrganizationSettings, UpdateOrganizationBody } from '../organization.types.ts';

const LABELS = {
  name: 'Name',
  domain: 'Email domain',
  'settings.week_start': 'First day of the week',
  'settings.allow_overlapping_time_entries': 'Allow overlapping time entries',
  'settings.timer_limit_hours': 'Timer limit (hours)',
};
const CONFLICT =
  'Someone else changed these settings meanwhile. We loaded their version: check it and save again.';

/** Empty: the time tracking service's default limit; else whole hours from 1 to 168. */
function parseTimerLimit(text: string): { hours: number | null } | { error: string } {
  const value = text.trim();
  if (value === '') {
    return { hours: null };
  }
  const hours = Number(value);
  return /^\d+$/.test(value) && hours >= 1 && hours <= 168
    ? { hours }
    : { error: 'Enter whole hours from 1 to 168, or leave it empty' };
}

/**
 * Name, email domain, domain join, week start and the time tracking rules. Keyed by version, so it
 * resets after a save.
 */
export function OrganizationSettingsForm({ organization }: { organization: Organization }) {
  const user = useSignedInUser();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [allowDomainJoin, setAllowDomainJoin] = useState(organization.settings.allow_domain_join);
  const [domain, setDomain] = useState(organization.domain ?? '');
  const [allowOverlap, setAllowOverlap] = useState(organization.settings.allow_overlapping_time_entries);
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateOrganization(organization.id);
  const toast = useToast();
  const ownDomain = user.email.split('@')[1]?.toLowerCase() ?? '';
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['name', 'week_start', 'timer_limit_hours'] as const);
    const timerLimit = parseTimerLimit(values.timer_limit_hours);
    const fields: Record<string, string> = {};
    if (!values.name.trim()) {
      fields.name = 'Name the organization';
    }
    if ('error' in timerLimit) {
      fields['settings.timer_limit_hours'] = timerLimit.error;
    }
    if (Object.keys(fields).length > 0 || 'error' in timerLimit) {
      setErrors({ fields, banner: null });
      return;
    }
    const body: UpdateOrganizationBody = {
      version: organization.version,
      name: values.name.trim(),
      domain: domain.trim().toLowerCase() || null,
      settings: {
        allow_domain_join: allowDomainJoin && domain.trim() !== '',
        week_start: values.week_start as OrganizationSettings['week_start'],
        allow_overlapping_time_entries: allowOverlap,
        timer_limit_hours: timerLimit.hours,
      },
    };
    update.mutate(body, {
      onSuccess: () => {
        setErrors(NO_ERRORS);
        toast.show('Organization saved');
      },
      onError: (error) =>
        setErrors(
          error instanceof ApiError && error.status === 409
            ? { fields: {}, banner: CONFLICT }
            : formErrorsFrom(error, LABELS),
        ),
    });
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Organization settings">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <Field
        name="name"
        label={LABELS.name}
        defaultValue={organization.name}
        maxLength={255}
        error={errors.fields.name}
      />
      <Field
        name="domain"
        label={LABELS.domain}
        optional
        value={domain}
        onChange={(event) => setDomain(event.target.value)}
        placeholder={ownDomain || 'example.com'}
        autoCapitalize="none"
        spellCheck={false}
        error={errors.fields.domain}
        hint={`The domain of your own verified email address${ownDomain ? ` (${ownDomain})` : ''}. Public providers like gmail.com are refused.`}
      />
      <Switch
        label="Let people with this domain join"
        description={
          domain.trim()
            ? `Anyone who verifies an @${domain.trim().toLowerCase()} address joins as a member, without an invitation.`
            : 'Set an email domain first.'
        }
        checked={allowDomainJoin && domain.trim() !== ''}
        disabled={domain.trim() === ''}
        onChange={setAllowDomainJoin}
      />
      <SelectField
        name="week_start"
        label={LABELS['settings.week_start']}
        defaultValue={organization.settings.week_start}
        options={[
          { value: 'monday', label: 'Monday' },
          { value: 'sunday', label: 'Sunday' },
        ]}
        error={errors.fields['settings.week_start']}
      />
      <fieldset className="fieldset">
        <legend className="field-label">Time tracking</legend>
        <Switch
          label={LABELS['settings.allow_overlapping_time_entries']}
          description={
            allowOverlap
              ? "A person's entries may cover the same time."
              : "An entry that overlaps another of the same person's is refused, naming the one it overlaps."
          }
          checked={allowOverlap}
          onChange={setAllowOverlap}
        />
        <Field
          name="timer_limit_hours"
          label={LABELS['settings.timer_limit_hours']}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          optional
          defaultValue={organization.settings.timer_limit_hours ?? ''}
          error={errors.fields['settings.timer_limit_hours']}
          hint="A timer running longer than this many hours is flagged to its person, so a forgotten one doesn't count for days. 1 to 168; empty uses the default limit."
        />
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
