import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.tsx';
import { AlertIcon, LockIcon } from './icons.tsx';

/** In place of a page the caller may see exists but may not use (a 403, or a role too low). */
export function NoAccess({
  title = "You don't have access",
  children,
  actions,
}: {
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="panel-state">
      <EmptyState icon={<LockIcon size={22} />} title={title} description={children} actions={actions} />
    </div>
  );
}

/** In place of something that does not exist for the caller (a 404: absent, or not theirs). */
export function NotFoundState({
  title,
  children,
  actions,
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="panel-state">
      <EmptyState icon={<AlertIcon size={22} />} title={title} description={children} actions={actions} />
    </div>
  );
}
