import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Smaller, for an empty list inside a card. */
  compact?: boolean;
  /** A compact state's icon is green ("all clear") unless it only marks an empty list. */
  iconTone?: 'success' | 'neutral';
}

export function EmptyState({
  icon,
  title,
  description,
  actions,
  compact = false,
  iconTone = 'success',
}: EmptyStateProps) {
  return (
    <div className={compact ? 'empty-state empty-state-compact' : 'empty-state'}>
      {icon ? (
        <div
          className={
            iconTone === 'neutral' ? 'empty-state-icon empty-state-icon-neutral' : 'empty-state-icon'
          }
        >
          {icon}
        </div>
      ) : null}
      <h2 className="empty-state-title">{title}</h2>
      {description ? <p className="empty-state-description">{description}</p> : null}
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </div>
  );
}
