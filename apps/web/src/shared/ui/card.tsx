import { useId, type ReactNode } from 'react';

interface CardProps {
  title?: string;
  description?: ReactNode;
  /** Buttons or links at the right of the header. */
  actions?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Card({ title, description, actions, footer, children, className }: CardProps) {
  const titleId = useId();
  return (
    <section
      className={['card', className ?? ''].join(' ').trim()}
      aria-labelledby={title ? titleId : undefined}
    >
      {title || actions ? (
        <header className="card-header">
          <div>
            {title ? (
              <h2 id={titleId} className="card-title">
                {title}
              </h2>
            ) : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className="card-body">{children}</div>
      {footer ? <footer className="card-footer">{footer}</footer> : null}
    </section>
  );
}
