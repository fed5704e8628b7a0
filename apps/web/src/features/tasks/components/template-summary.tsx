import { PRIORITY_LABELS } from '../task-labels.ts';
import type { TaskTemplate } from '../task-templates.api.ts';

/** What a task made from the template starts with: its fields and its sub-tasks. */
export function TemplateSummary({ template }: { template: TaskTemplate }) {
  const data = template.template_data;
  const subtasks = data.subtasks ?? [];
  const facts = [
    data.priority && data.priority !== 'none' ? `${PRIORITY_LABELS[data.priority]} priority` : null,
    data.estimated_hours !== null && data.estimated_hours !== undefined
      ? `${data.estimated_hours} h estimate`
      : null,
    data.tags && data.tags.length > 0 ? `Tags: ${data.tags.join(', ')}` : null,
  ].filter(Boolean);
  return (
    <section className="template-summary" aria-label={`Template ${template.name}`}>
      <p className="field-label">From “{template.name}”</p>
      {template.description ? <p className="field-hint">{template.description}</p> : null}
      {facts.length > 0 ? <p className="task-muted">{facts.join(' · ')}</p> : null}
      {subtasks.length > 0 ? (
        <>
          <p className="task-muted">
            {subtasks.length} sub-task{subtasks.length === 1 ? '' : 's'}:
          </p>
          <ul className="template-summary-list">
            {subtasks.map((subtask, index) => (
              <li key={index}>{subtask.title}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="task-muted">No sub-tasks.</p>
      )}
    </section>
  );
}
