import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { SelectField } from '../../../shared/ui/form-controls.tsx';
import { SendIcon } from '../../../shared/ui/icons.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useTeams } from '../../teams/hooks/use-teams.ts';
import { useInvite } from '../hooks/use-invitations.ts';
import { INVITABLE_ROLES, ORG_ROLE_HINTS, ORG_ROLE_LABELS } from '../organization-roles.ts';
import type { CreateInvitationBody, InvitableRole } from '../organization.types.ts';

const LABELS = { email: 'Email', role: 'Role', team_id: 'Team' };
const ROLE_OPTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: ORG_ROLE_LABELS[role] }));

/** Emails someone a link to join; they pick up the role (and team) when they accept. */
export function InviteForm({ organizationId }: { organizationId: string }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [role, setRole] = useState<InvitableRole>('member');
  const formRef = useRef<HTMLFormElement>(null);
  const teams = useTeams(organizationId);
  const send = useInvite(organizationId);
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formValues(form, ['email', 'team_id'] as const);
    const email = values.email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setErrors({ fields: { email: 'Enter an email address, like name@example.com' }, banner: null });
      return;
    }
    const body: CreateInvitationBody = { email, role };
    if (values.team_id) {
      body.team_id = values.team_id;
    }
    send.mutate(body, {
      onSuccess: (invitation) => {
        setErrors(NO_ERRORS);
        form.reset();
        setRole('member');
        toast.show(`Invitation sent to ${invitation.email}`);
      },
      onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
    });
  };

  const teamOptions = [
    { value: '', label: 'No team' },
    ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Invite people">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <div className="invite-grid">
        <Field
          name="email"
          label={LABELS.email}
          type="email"
          placeholder="teammate@example.com"
          autoComplete="off"
          error={errors.fields.email}
        />
        <SelectField
          name="role"
          label={LABELS.role}
          options={ROLE_OPTIONS}
          value={role}
          onChange={(event) => setRole(event.target.value as InvitableRole)}
          error={errors.fields.role}
        />
        <SelectField
          name="team_id"
          label={LABELS.team_id}
          optional
          options={teamOptions}
          disabled={teamOptions.length === 1}
          error={errors.fields.team_id}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={send.isPending}>
          <SendIcon size={14} />
          Send invitation
        </Button>
        <span className="field-hint">{ORG_ROLE_HINTS[role]}. The link works for 7 days.</span>
      </div>
    </form>
  );
}
