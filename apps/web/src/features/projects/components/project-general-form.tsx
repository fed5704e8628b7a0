import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/problem.ts';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field, StaticField } from '../../../shared/ui/field.tsx';
import { SelectField, TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateProject } from '../hooks/use-project-mutations.ts';
import { EDITABLE_PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '../project-labels.ts';
import type { Project, UpdateProjectBody } from '../project.types.ts';
import { ProjectKey } from './project-badges.tsx';

const LABELS = {
  name: 'Name',
  description: 'Description',
  status: 'Status',
  start_date: 'Start date',
  end_date: 'Target date',
  team_id: 'Team',
};
const NAMES = ['name', 'description', 'status', 'start_date', 'end_date', 'team_id'] as const;
const STATUS_OPTIONS = EDITABLE_PROJECT_STATUSES.map((value) => ({
  value,
  label: PROJECT_STATUS_LABELS[value],
}));

const CONFLICT =
  'Someone else changed this project while you were editing. We loaded their version: check it and save again.';

/** Name, description, status, dates and team. Keyed by version by the caller, so it resets after a save. */
export function ProjectGeneralForm({
  project,
  teams,
}: {
  project: Project;
  teams: { id: string; name: string }[];
}) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateProject(project.id);
  const toast = useToast();
  const isArchived = project.status === 'archived';
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, NAMES);
    if (!values.name.trim()) {
      setErrors({ fields: { name: 'Give the project a name' }, banner: null });
      return;
    }
    if (values.start_date && values.end_date && values.end_date < values.start_date) {
      setErrors({ fields: { end_date: 'Target date must not be before the start date' }, banner: null });
      return;
    }
    const body: UpdateProjectBody = {
      version: project.version,
      name: values.name.trim(),
      description: values.description.trim() || null,
      start_date: values.start_date || null,
      end_date: values.end_date || null,
      team_id: values.team_id || null,
    };
    if (!isArchived) {
      body.status = values.status as UpdateProjectBody['status'];
    }
    update.mutate(body, {
      onSuccess: () => toast.show('Project saved'),
      onError: (error) =>
        setErrors(
          error instanceof ApiError && error.status === 409 && error.code === 'PROJECTS_VERSION_CONFLICT'
            ? { fields: {}, banner: CONFLICT }
            : formErrorsFrom(error, LABELS),
        ),
    });
  };

  const teamOptions = [
    { value: '', label: 'No team' },
    ...teams.map((t) => ({ value: t.id, label: t.name })),
  ];
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="General settings">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <fieldset className="fieldset" disabled={isArchived}>
        <div className="form-row form-row-key">
          <Field
            name="name"
            label={LABELS.name}
            defaultValue={project.name}
            maxLength={255}
            error={errors.fields.name}
          />
          <StaticField label="Key">
            <ProjectKey value={project.key} />
          </StaticField>
        </div>
        <TextAreaField
          name="description"
          label={LABELS.description}
          optional
          defaultValue={project.description ?? ''}
          error={errors.fields.description}
        />
        <div className="form-row">
          <SelectField
            name="status"
            label={LABELS.status}
            options={isArchived ? [{ value: 'archived', label: 'Archived' }] : STATUS_OPTIONS}
            defaultValue={project.status}
            error={errors.fields.status}
          />
          <SelectField
            name="team_id"
            label={LABELS.team_id}
            options={teamOptions}
            defaultValue={project.team_id ?? ''}
            error={errors.fields.team_id}
          />
        </div>
        <div className="form-row">
          <Field
            name="start_date"
            label={LABELS.start_date}
            type="date"
            defaultValue={project.start_date ?? ''}
            error={errors.fields.start_date}
          />
          <Field
            name="end_date"
            label={LABELS.end_date}
            type="date"
            defaultValue={project.end_date ?? ''}
            error={errors.fields.end_date}
          />
        </div>
        <p className="field-hint">
          The key prefixes task IDs (like {project.key}-12), so it stays as it was created.
        </p>
        <div className="form-actions">
          <Button type="submit" variant="primary" isLoading={update.isPending}>
            Save changes
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
