import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PRODUCT_NAME, pageTitle } from '../../../shared/brand.ts';
import { Logo } from '../../../shared/ui/logo.tsx';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Links under the card ("New here? Create an account"). */
  footer?: ReactNode;
}

/** The centred screen of the pages a signed-out visitor sees. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <div className="auth-screen">
      <title>{pageTitle(title)}</title>
      <main className="auth-panel">
        <Link to="/" className="auth-brand" aria-label={`${PRODUCT_NAME} home`}>
          <Logo size={36} />
        </Link>
        <h1 className="auth-title">{title}</h1>
        {subtitle ? <p className="auth-subtitle">{subtitle}</p> : null}
        <div className="auth-card">{children}</div>
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}

/** A result shown in place of a form: an icon, a heading and what to do next. */
export function AuthResult({
  icon,
  tone,
  children,
}: {
  icon: ReactNode;
  tone: 'success' | 'error' | 'info';
  children: ReactNode;
}) {
  return (
    <div className="auth-result">
      <span className={`auth-result-icon auth-result-${tone}`}>{icon}</span>
      <div className="auth-result-body">{children}</div>
    </div>
  );
}
