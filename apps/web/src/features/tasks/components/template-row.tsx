import { PencilIcon, TrashIcon } from '../../../shared/ui/icons.tsx';
import type { TaskTemplate } from '../task-templates.api.ts';

interface TemplateRowProps {
  template: TaskTemplate;
  mayEdit: boolean;
  onEdit: (template: TaskTemplate) => void;
  onDelete: (template: TaskTemplate) => void;
}

function summary(template: TaskTemplate): string {
  const count = template.template_data.subtasks?.length ?? 0;
  const scope = template.project_id ? 'This project' : 'Whole organization';
  return `${scope} · ${count} sub-task${count === 1 ? '' : 's'}`;
}

/** One task template: its name, description and scope, with edit and delete for those allowed. */
export function TemplateRow({ template, mayEdit, onEdit, onDelete }: TemplateRowProps) {
  return (
    <li className="milestone-row" aria-label={template.name}>
      <div className="milestone-main">
        <p className="milestone-title">{template.name}</p>
        {template.description ? <p className="milestone-description">{template.description}</p> : null}
      </div>
      <div className="milestone-meta">
        <span className="badge">{summary(template)}</span>
        {mayEdit ? (
          <>
            <button
              type="button"
              className="icon-btn"
              aria-label={`Edit ${template.name}`}
              onClick={() => onEdit(template)}
            >
              <PencilIcon size={14} />
            </button>
            <button
              type="button"
              className="icon-btn"
              aria-label={`Delete ${template.name}`}
              onClick={() => onDelete(template)}
            >
              <TrashIcon size={14} />
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}
