import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { SelectField, TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useMilestones } from '../../projects/hooks/use-projects.ts';
import type { Project } from '../../projects/project.types.ts';
import { useAssignablePeople } from '../hooks/use-assignable-people.ts';
import { useCreateTask } from '../hooks/use-task-mutations.ts';
import { useApplyTaskTemplate } from '../hooks/use-task-templates.ts';
import { parseHours, parseTags } from '../task-fields.ts';
import { PRIORITY_LABELS } from '../task-labels.ts';
import { PRIORITIES } from '../task-list-filters.ts';
import type { TaskTemplate } from '../task-templates.api.ts';
import type { Priority, Task } from '../task.types.ts';
import { TaskPicker } from './task-picker.tsx';
import { TemplatePickerField } from './template-picker-field.tsx';
import { TemplateSummary } from './template-summary.tsx';

const LABELS = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  assigned_to: 'Assignee',
  due_date: 'Due date',
  estimated_hours: 'Estimate (hours)',
  tags: 'Tags',
  milestone_id: 'Milestone',
  parent_task_id: 'Parent task',
};
const NAMES = [
  'title',
  'description',
  'status',
  'priority',
  'assigned_to',
  'due_date',
  'estimated_hours',
  'tags',
  'milestone_id',
] as const;

interface CreateTaskDialogProps {
  project: Project;
  open: boolean;
  /** The column the dialog was opened from; else the workflow's first status. */
  initialStatus?: string | undefined;
  /** Pre-filled parent (adding a sub-task). */
  initialParent?: Task | undefined;
  onClose: () => void;
  onCreated?: (task: Task) => void;
}

/** Every field of a new task; only the title is required. */
export function CreateTaskDialog({
  project,
  open,
  initialStatus,
  initialParent,
  onClose,
  onCreated,
}: CreateTaskDialogProps) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [parent, setParent] = useState<Task | null>(initialParent ?? null);
  const formRef = useRef<HTMLFormElement>(null);
  const [template, setTemplate] = useState<TaskTemplate | null>(null);
  const create = useCreateTask();
  const apply = useApplyTaskTemplate();
  const { people } = useAssignablePeople(project);
  const milestones = useMilestones(project.id);
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);
  const statuses = project.settings.workflow.statuses;

  const close = () => {
    setErrors(NO_ERRORS);
    setParent(initialParent ?? null);
    setTemplate(null);
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, NAMES);
    const estimate = parseHours(values.estimated_hours);
    const fields: Record<string, string> = {};
    if (!values.title.trim() && !template) {
      fields.title = 'Give the task a title';
    }
    if ('error' in estimate) {
      fields.estimated_hours = `Estimate ${estimate.error}`;
    }
    if (Object.keys(fields).length > 0 || 'error' in estimate) {
      setErrors({ fields, banner: null });
      return;
    }
    const created = {
      onSuccess: (task: Task) => {
        toast.show(`Created ${task.key}`);
        close();
        onCreated?.(task);
      },
      onError: (error: Error) => setErrors(formErrorsFrom(error, LABELS)),
    };
    if (template) {
      apply.mutate(
        {
          templateId: template.id,
          projectId: project.id,
          title: values.title.trim(),
          assignedTo: values.assigned_to || null,
          dueDate: values.due_date || null,
          milestoneId: values.milestone_id || null,
        },
        created,
      );
      return;
    }
    create.mutate(
      {
        project_id: project.id,
        title: values.title.trim(),
        description: values.description.trim() || null,
        status: values.status,
        priority: values.priority as Priority,
        assigned_to: values.assigned_to || null,
        due_date: values.due_date || null,
        estimated_hours: estimate.value,
        tags: parseTags(values.tags),
        milestone_id: values.milestone_id || null,
        parent_task_id: parent?.id ?? null,
      },
      created,
    );
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={parent ? `New sub-task of ${parent.key}` : 'New task'}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="create-task-form"
            variant="primary"
            isLoading={create.isPending || apply.isPending}
          >
            Create task
          </Button>
        </>
      }
    >
      <form
        id="create-task-form"
        ref={formRef}
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label="New task"
      >
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        {parent ? null : (
          <TemplatePickerField projectId={project.id} value={template} onChange={setTemplate} />
        )}
        <Field
          name="title"
          label={LABELS.title}
          maxLength={255}
          error={errors.fields.title}
          data-autofocus
          autoComplete="off"
          optional={Boolean(template)}
          placeholder={template?.template_data.title}
          hint={template ? "Leave empty to use the template's title." : undefined}
        />
        {template ? <TemplateSummary template={template} /> : null}
        {template ? null : (
          <TextAreaField
            name="description"
            label={LABELS.description}
            optional
            rows={4}
            hint="Markdown is supported."
            error={errors.fields.description}
          />
        )}
        {template ? null : (
          <div className="form-row">
            <SelectField
              name="status"
              label={LABELS.status}
              options={statuses.map((s) => ({ value: s.key, label: s.name }))}
              defaultValue={initialStatus ?? statuses.find((s) => s.category === 'todo')?.key}
              error={errors.fields.status}
            />
            <SelectField
              name="priority"
              label={LABELS.priority}
              options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
              defaultValue="none"
              error={errors.fields.priority}
            />
          </div>
        )}
        <div className="form-row">
          <SelectField
            name="assigned_to"
            label={LABELS.assigned_to}
            options={[
              { value: '', label: 'Unassigned' },
              ...people.map((p) => ({ value: p.id, label: p.display_name })),
            ]}
            defaultValue=""
            error={errors.fields.assigned_to}
          />
          <Field
            name="due_date"
            label={LABELS.due_date}
            type="date"
            optional
            error={errors.fields.due_date}
          />
        </div>
        <div className="form-row">
          {template ? null : (
            <Field
              name="estimated_hours"
              label={LABELS.estimated_hours}
              inputMode="decimal"
              optional
              error={errors.fields.estimated_hours}
            />
          )}
          <SelectField
            name="milestone_id"
            label={LABELS.milestone_id}
            options={[
              { value: '', label: 'No milestone' },
              ...(milestones.data ?? []).map((m) => ({ value: m.id, label: m.title })),
            ]}
            defaultValue=""
            error={errors.fields.milestone_id}
          />
        </div>
        {template ? null : (
          <Field
            name="tags"
            label={LABELS.tags}
            optional
            placeholder="frontend, bug"
            hint="Separate tags with commas or spaces."
            error={errors.fields.tags}
          />
        )}
        {template ? null : (
          <div className="field">
            <span className="field-label">
              {LABELS.parent_task_id}
              <span className="field-optional"> (optional)</span>
            </span>
            {parent ? (
              <div className="picked-task">
                <span className="task-card-key">{parent.key}</span>
                <span className="picked-task-title">{parent.title}</span>
                <Button size="sm" variant="ghost" onClick={() => setParent(null)}>
                  Remove
                </Button>
              </div>
            ) : (
              <TaskPicker label="Find a parent task" projectId={project.id} onPick={setParent} />
            )}
            {errors.fields.parent_task_id ? (
              <p className="field-error">{errors.fields.parent_task_id}</p>
            ) : null}
          </div>
        )}
      </form>
    </Dialog>
  );
}
