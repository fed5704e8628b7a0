import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/problem.ts';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useCreateTeam, useUpdateTeam } from '../hooks/use-teams.ts';
import type { Team } from '../team.types.ts';

const LABELS = { name: 'Name', description: 'Description' };

interface TeamDialogProps {
  organizationId: string;
  /** The team to edit; absent to create one. */
  team?: Team;
  open: boolean;
  onClose: () => void;
}

/** Create a team (its creator becomes lead) or rename and describe one. */
export function TeamDialog({ organizationId, team, open, onClose }: TeamDialogProps) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateTeam();
  const update = useUpdateTeam(team?.id ?? '');
  const navigate = useNavigate();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const close = () => {
    setErrors(NO_ERRORS);
    onClose();
  };
  const failed = (error: unknown) =>
    setErrors(
      error instanceof ApiError && error.status === 409
        ? { fields: {}, banner: 'Someone else changed this team meanwhile. Close this and try again.' }
        : formErrorsFrom(error, LABELS),
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['name', 'description'] as const);
    if (!values.name.trim()) {
      setErrors({ fields: { name: 'Name the team' }, banner: null });
      return;
    }
    const fields = { name: values.name.trim(), description: values.description.trim() || null };
    if (team) {
      update.mutate(
        { ...fields, version: team.version },
        {
          onSuccess: () => {
            toast.show('Team saved');
            close();
          },
          onError: failed,
        },
      );
    } else {
      create.mutate(
        { ...fields, organization_id: organizationId },
        {
          onSuccess: (created) => {
            toast.show(`Created ${created.name}`);
            close();
            void navigate(`/teams/${created.id}`);
          },
          onError: failed,
        },
      );
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={team ? 'Edit team' : 'New team'}
      description={team ? undefined : "Group people who work together. You'll be the team's first lead."}
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="team-form"
            variant="primary"
            isLoading={create.isPending || update.isPending}
          >
            {team ? 'Save team' : 'Create team'}
          </Button>
        </>
      }
    >
      <form id="team-form" ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Team">
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="name"
          label={LABELS.name}
          defaultValue={team?.name ?? ''}
          placeholder="Design"
          maxLength={255}
          error={errors.fields.name}
        />
        <TextAreaField
          name="description"
          label={LABELS.description}
          optional
          rows={3}
          defaultValue={team?.description ?? ''}
          error={errors.fields.description}
        />
      </form>
    </Dialog>
  );
}
