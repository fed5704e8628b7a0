import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from '../../../shared/ui/icons.tsx';
import { CATEGORY_LABELS } from '../project-labels.ts';
import type { StatusCategory } from '../project.types.ts';
import type { DraftStatus } from '../workflow-draft.ts';

interface WorkflowStatusRowProps {
  status: DraftStatus;
  position: number;
  count: number;
  disabled: boolean;
  problem: string | undefined;
  canRemove: boolean;
  onChange: (patch: Partial<DraftStatus>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const CATEGORIES = Object.keys(CATEGORY_LABELS) as StatusCategory[];

export function WorkflowStatusRow({
  status,
  position,
  count,
  disabled,
  problem,
  canRemove,
  onChange,
  onMove,
  onRemove,
}: WorkflowStatusRowProps) {
  const label = status.name.trim() || `status ${position}`;
  const errorId = `${status.id}-error`;
  return (
    <li className="workflow-row" data-status-id={status.id}>
      <span className="workflow-position" aria-hidden="true">
        {position}
      </span>
      <span
        className={`workflow-swatch category-${status.category}`}
        style={status.color ? { background: status.color } : undefined}
        aria-hidden="true"
      />
      <div className="workflow-name">
        <input
          className="input"
          value={status.name}
          maxLength={50}
          placeholder="Status name"
          aria-label={`Name of status ${position}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          disabled={disabled}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        {problem ? (
          <p id={errorId} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <select
        className="input select workflow-category"
        value={status.category}
        aria-label={`Category of ${label}`}
        disabled={disabled}
        onChange={(event) => onChange({ category: event.target.value as StatusCategory })}
      >
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {CATEGORY_LABELS[category]}
          </option>
        ))}
      </select>
      <div className="workflow-actions">
        <button
          type="button"
          className="icon-btn"
          data-move="up"
          aria-label={`Move ${label} up`}
          disabled={disabled || position === 1}
          onClick={() => onMove(-1)}
        >
          <ArrowUpIcon size={14} />
        </button>
        <button
          type="button"
          className="icon-btn"
          data-move="down"
          aria-label={`Move ${label} down`}
          disabled={disabled || position === count}
          onClick={() => onMove(1)}
        >
          <ArrowDownIcon size={14} />
        </button>
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          aria-label={`Remove ${label}`}
          disabled={disabled || !canRemove}
          onClick={onRemove}
        >
          <TrashIcon size={14} />
        </button>
      </div>
    </li>
  );
}
