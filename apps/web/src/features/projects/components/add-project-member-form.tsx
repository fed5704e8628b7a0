import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { SelectField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { OrganizationMember } from '../../organizations/organization.types.ts';
import { useAddProjectMember } from '../hooks/use-project-member-mutations.ts';
import { PROJECT_ROLE_HINTS, PROJECT_ROLE_LABELS } from '../project-labels.ts';
import type { ProjectRole } from '../project.types.ts';

const LABELS = { user_id: 'Person', role: 'Role' };
const ROLES: ProjectRole[] = ['member', 'viewer', 'admin'];

/** Adds someone from the project's organization with a role. */
export function AddProjectMemberForm({
  projectId,
  candidates,
}: {
  projectId: string;
  candidates: OrganizationMember[];
}) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const add = useAddProjectMember(projectId);
  const toast = useToast();

  if (candidates.length === 0) {
    return (
      <p className="muted">
        Everyone in the organization already has a role here. To add someone new,{' '}
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
          toast.show(`Added ${person.user.display_name} as ${PROJECT_ROLE_LABELS[role].toLowerCase()}`);
          setUserId('');
          setErrors(NO_ERRORS);
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add project member">
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
          onChange={(event) => setRole(event.target.value as ProjectRole)}
          options={ROLES.map((r) => ({ value: r, label: PROJECT_ROLE_LABELS[r] }))}
          error={errors.fields.role}
        />
        <Button type="submit" variant="primary" isLoading={add.isPending}>
          Add member
        </Button>
      </div>
      <p className="field-hint">{PROJECT_ROLE_HINTS[role]}.</p>
    </form>
  );
}
