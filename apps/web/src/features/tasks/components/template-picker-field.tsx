import { useId } from 'react';
import { describeError } from '../../../shared/api/problem.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useTaskTemplates } from '../hooks/use-task-templates.ts';
import type { TaskTemplate } from '../task-templates.api.ts';

interface TemplatePickerFieldProps {
  projectId: string;
  value: TaskTemplate | null;
  onChange: (template: TaskTemplate | null) => void;
}

/** "From template": a blank task, or one of the project's or the organization's task templates. */
export function TemplatePickerField({ projectId, value, onChange }: TemplatePickerFieldProps) {
  const id = useId();
  const templates = useTaskTemplates(projectId);
  const items = templates.data ?? [];
  const own = items.filter((t) => t.project_id !== null);
  const shared = items.filter((t) => t.project_id === null);
  const hint = templates.isPending
    ? 'Loading templates…'
    : templates.isSuccess && items.length === 0
      ? 'No templates yet: open a task and choose "Save as template" to reuse it here.'
      : null;

  return (
    <div className={templates.isError ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        From template<span className="field-optional"> (optional)</span>
      </label>
      <select
        id={id}
        className="input select"
        value={value?.id ?? ''}
        disabled={!templates.isSuccess || items.length === 0}
        aria-describedby={`${id}-note`}
        onChange={(event) => onChange(items.find((t) => t.id === event.target.value) ?? null)}
      >
        <option value="">Blank task</option>
        {own.length > 0 ? (
          <optgroup label="This project">
            {own.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {shared.length > 0 ? (
          <optgroup label="Organization">
            {shared.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {templates.isError ? (
        <p id={`${id}-note`} className="field-error" role="alert">
          Couldn't load templates: {describeError(templates.error)}{' '}
          <Button size="sm" variant="ghost" onClick={() => void templates.refetch()}>
            Retry
          </Button>
        </p>
      ) : (
        <p id={`${id}-note`} className="field-hint">
          {hint ?? 'Creates the task with the template’s sub-tasks in one go.'}
        </p>
      )}
    </div>
  );
}
