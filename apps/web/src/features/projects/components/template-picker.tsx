import { Skeleton } from '../../../shared/ui/spinner.tsx';
import type { ProjectTemplate } from '../project.types.ts';

interface TemplatePickerProps {
  templates: ProjectTemplate[];
  isLoading: boolean;
  /** '' for a blank project. */
  value: string;
  onChange: (templateId: string) => void;
}

function summary(template: ProjectTemplate): string {
  const milestones = template.template_data.milestones.length;
  const statuses = template.template_data.settings.workflow.statuses.length;
  return `${milestones} milestone${milestones === 1 ? '' : 's'} · ${statuses} statuses`;
}

/** "Start from": a blank project or one of the organization's templates, as radio cards. */
export function TemplatePicker({ templates, isLoading, value, onChange }: TemplatePickerProps) {
  return (
    <fieldset className="choice-group">
      <legend className="field-label">Start from</legend>
      <div className="choice-list">
        <label className="choice-card">
          <input type="radio" name="template" value="" checked={value === ''} onChange={() => onChange('')} />
          <span className="choice-text">
            <span className="choice-title">Blank project</span>
            <span className="choice-description">
              The default workflow: Backlog, To do, In progress, In review, Done
            </span>
          </span>
        </label>
        {templates.map((template) => (
          <label key={template.id} className="choice-card">
            <input
              type="radio"
              name="template"
              value={template.id}
              checked={value === template.id}
              onChange={() => onChange(template.id)}
            />
            <span className="choice-text">
              <span className="choice-title">{template.name}</span>
              <span className="choice-description">{template.description ?? summary(template)}</span>
            </span>
          </label>
        ))}
        {isLoading ? <Skeleton height={52} /> : null}
      </div>
      {!isLoading && templates.length === 0 ? (
        <p className="field-hint">
          No templates yet. Save any project as a template from its settings to reuse it here.
        </p>
      ) : null}
    </fieldset>
  );
}
