import { useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useCreateTaskTemplate } from '../hooks/use-task-templates.ts';
import { useSubtasks } from '../hooks/use-tasks.ts';
import type { TaskTemplateData } from '../task-templates.api.ts';
import type { Task } from '../task.types.ts';

const LABELS = { name: 'Template name', description: 'Description', project_id: 'Available in' };
/** The API keeps at most this many sub-tasks per template. */
const MAX_SUBTASKS = 50;

interface TemplateSaveDialogProps {
  task: Task;
  projectName: string;
  mayShareWithProject: boolean;
  mayShareWithOrganization: boolean;
  onClose: () => void;
}

/** The task's fields and its sub-tasks' titles, priorities and estimates, as template data. */
function templateDataOf(task: Task, subtasks: Task[]): TaskTemplateData {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    estimated_hours: task.estimated_hours,
    subtasks: subtasks.slice(0, MAX_SUBTASKS).map((s) => ({
      title: s.title,
      priority: s.priority,
      estimated_hours: s.estimated_hours,
    })),
  };
}

/** "Save as template": name it, then keep it to this project or share it with the organization. */
export function TemplateSaveDialog({
  task,
  projectName,
  mayShareWithProject,
  mayShareWithOrganization,
  onClose,
}: TemplateSaveDialogProps) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [scope, setScope] = useState<'project' | 'organization'>(
    mayShareWithProject ? 'project' : 'organization',
  );
  const subtasks = useSubtasks(task.id);
  const create = useCreateTaskTemplate();
  const toast = useToast();
  const subtaskCount = subtasks.data?.length ?? 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['name', 'description'] as const);
    if (!values.name.trim()) {
      setErrors({ fields: { name: 'Name the template' }, banner: null });
      return;
    }
    if (!subtasks.data) {
      return;
    }
    create.mutate(
      {
        organization_id: task.organization_id,
        project_id: scope === 'project' ? task.project_id : null,
        name: values.name.trim(),
        description: values.description.trim() || null,
        template_data: templateDataOf(task, subtasks.data),
      },
      {
        onSuccess: (template) => {
          toast.show(`Saved template ${template.name}`);
          onClose();
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Save as template"
      description={`New tasks made from it start as ${task.key} does now, with its sub-tasks.`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="save-task-template-form"
            variant="primary"
            isLoading={create.isPending}
            disabled={!subtasks.isSuccess}
          >
            Save template
          </Button>
        </>
      }
    >
      <form
        id="save-task-template-form"
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label="Save as template"
      >
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        {subtasks.isError ? (
          <ErrorBanner
            title="We couldn't load the sub-tasks"
            error={subtasks.error}
            onRetry={() => void subtasks.refetch()}
          />
        ) : null}
        <Field
          name="name"
          label={LABELS.name}
          defaultValue={task.title}
          maxLength={255}
          error={errors.fields.name}
          data-autofocus
          autoComplete="off"
        />
        <TextAreaField
          name="description"
          label={LABELS.description}
          optional
          rows={2}
          error={errors.fields.description}
        />
        <fieldset className="choice-group">
          <legend className="field-label">{LABELS.project_id}</legend>
          <div className="choice-list">
            <label className="choice-card">
              <input
                type="radio"
                name="scope"
                value="project"
                checked={scope === 'project'}
                disabled={!mayShareWithProject}
                onChange={() => setScope('project')}
              />
              <span className="choice-text">
                <span className="choice-title">This project</span>
                <span className="choice-description">Only for tasks of {projectName}</span>
              </span>
            </label>
            <label className="choice-card">
              <input
                type="radio"
                name="scope"
                value="organization"
                checked={scope === 'organization'}
                disabled={!mayShareWithOrganization}
                onChange={() => setScope('organization')}
              />
              <span className="choice-text">
                <span className="choice-title">Whole organization</span>
                <span className="choice-description">Usable in every project of the organization</span>
              </span>
            </label>
          </div>
          {errors.fields.project_id ? <p className="field-error">{errors.fields.project_id}</p> : null}
        </fieldset>
        <p className="field-hint" aria-live="polite">
          {subtasks.isPending
            ? 'Loading sub-tasks…'
            : `Includes ${Math.min(subtaskCount, MAX_SUBTASKS)} sub-task${subtaskCount === 1 ? '' : 's'}` +
              (subtaskCount > MAX_SUBTASKS ? ` (the first ${MAX_SUBTASKS} of ${subtaskCount})` : '') +
              ': titles, priorities and estimates.'}
        </p>
      </form>
    </Dialog>
  );
}
