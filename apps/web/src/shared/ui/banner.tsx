import type { ReactNode } from 'react';
import { describeError } from '../api/problem.ts';
import { Button } from './button.tsx';
import { AlertIcon, CheckCircleIcon, MailIcon } from './icons.tsx';

export type BannerTone = 'error' | 'warning' | 'info' | 'success';

interface BannerProps {
  tone: BannerTone;
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
}

const ICONS: Record<BannerTone, ReactNode> = {
  error: <AlertIcon />,
  warning: <MailIcon />,
  info: <AlertIcon />,
  success: <CheckCircleIcon />,
};

export function Banner({ tone, title, children, action }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="banner-icon">{ICONS[tone]}</span>
      <div className="banner-content">
        {title ? <p className="banner-title">{title}</p> : null}
        {children ? <div className="banner-text">{children}</div> : null}
      </div>
      {action ? <div className="banner-action">{action}</div> : null}
    </div>
  );
}

interface ErrorBannerProps {
  /** A message, or anything thrown (an ApiError gives its problem detail). */
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorBanner({ error, title, onRetry }: ErrorBannerProps) {
  const message = typeof error === 'string' ? error : describeError(error);
  return (
    <Banner
      tone="error"
      {...(title ? { title } : {})}
      action={
        onRetry ? (
          <Button size="sm" variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        ) : null
      }
    >
      {message}
    </Banner>
  );
}
