import type { ReactNode } from 'react';
import { pageTitle } from '../brand.ts';

interface PageProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Narrow column for forms and settings. */
  width?: 'narrow' | 'wide';
}

/** A page inside the app frame: its heading, the document title, and its content column. */
export function Page({ title, description, actions, children, width = 'narrow' }: PageProps) {
  return (
    <div className={`page page-${width}`}>
      <title>{pageTitle(title)}</title>
      <header className="page-header">
        <div>
          <h1 className="page-title">{title}</h1>
          {description ? <p className="page-description">{description}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      <div className="page-content">{children}</div>
    </div>
  );
}
