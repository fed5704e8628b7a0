import { PRIORITY_LABELS } from '../task-labels.ts';
import type { Priority } from '../task.types.ts';

const FILLED_BARS: Record<Priority, number> = { urgent: 3, high: 3, medium: 2, low: 1, none: 0 };

/** Signal bars by importance (Linear's look); urgent is a filled square with "!". */
export function PriorityIcon({ priority, size = 14 }: { priority: Priority; size?: number }) {
  const label = `Priority: ${PRIORITY_LABELS[priority]}`;
  if (priority === 'urgent') {
    return (
      <svg
        className="priority-icon priority-icon-urgent"
        width={size}
        height={size}
        viewBox="0 0 16 16"
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        <rect x="1.5" y="1.5" width="13" height="13" rx="3" fill="currentColor" />
        <path d="M8 4.5v4.25" stroke="var(--bg-elevated)" strokeWidth="1.75" strokeLinecap="round" />
        <circle cx="8" cy="11.25" r="1" fill="var(--bg-elevated)" />
      </svg>
    );
  }
  if (priority === 'none') {
    return (
      <svg
        className="priority-icon priority-icon-none"
        width={size}
        height={size}
        viewBox="0 0 16 16"
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        {[3, 7, 11].map((x) => (
          <rect key={x} x={x} y="7.25" width="2.5" height="1.5" rx="0.75" fill="currentColor" />
        ))}
      </svg>
    );
  }
  const filled = FILLED_BARS[priority];
  return (
    <svg
      className={`priority-icon priority-icon-${priority}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {[0, 1, 2].map((bar) => (
        <rect
          key={bar}
          x={2 + bar * 4.5}
          y={10 - bar * 3.5}
          width="3"
          height={4 + bar * 3.5}
          rx="1"
          fill="currentColor"
          opacity={bar < filled ? 1 : 0.25}
        />
      ))}
    </svg>
  );
}
