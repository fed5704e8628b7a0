import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { SelectField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { OrganizationMember } from '../../organizations/organization.types.ts';
import { useAddTeamMember } from '../hooks/use-teams.ts';
import type { Team, TeamRole } from '../team.types.ts';

const LABELS = { user_id: 'Person', role: 'Role' };

/** Adds someone from the organization who is not in the team yet. */
export function AddTeamMemberForm({ team, candidates }: { team: Team; candidates: OrganizationMember[] }) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole>('member');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const add = useAddTeamMember(team);
  const toast = useToast();

  if (candidates.length === 0) {
    return (
      <p className="muted">
        Everyone in the organization is already in this team. To add someone new,{' '}
        <Link to="/members">invite them to the organization</Link> first.
      </p>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const person = candidates.find((c) => c.user_id === userId);
    if (!person) {
      setErrors({ fields: { user_id: 'Choose who to add' }, banner: null });
      return;
    }
    add.mutate(
      { user_id: userId, role },
      {
        onSuccess: () => {
          toast.show(`Added ${person.user.display_name} to ${team.name}`);
          setUserId('');
          setErrors(NO_ERRORS);
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add team member">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <div className="inline-form">
        <SelectField
          name="user_id"
          label={LABELS.user_id}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          options={[
            { value: '', label: 'Choose a person…' },
            ...candidates.map((c) => ({
              value: c.user_id,
              label: `${c.user.display_name}${c.user.email ? ` (${c.user.email})` : ''}`,
            })),
          ]}
          error={errors.fields.user_id}
          className="inline-form-grow"
        />
        <SelectField
          name="role"
          label={LABELS.role}
          value={role}
          onChange={(event) => setRole(event.target.value as TeamRole)}
          options={[
            { value: 'member', label: 'Member' },
            { value: 'lead', label: 'Lead' },
          ]}
        />
        <Button type="submit" variant="primary" isLoading={add.isPending}>
          Add to team
        </Button>
      </div>
    </form>
  );
}
