interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  /** Announced to screen readers; without it the spinner is decorative. */
  label?: string;
}

export function Spinner({ size = 'md', label }: SpinnerProps) {
  if (label) {
    return (
      <span className={`spinner spinner-${size}`} role="status">
        <span className="visually-hidden">{label}</span>
      </span>
    );
  }
  return <span className={`spinner spinner-${size}`} aria-hidden="true" />;
}

/** Fills the available space while a page's data loads. */
export function PageSpinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-spinner">
      <Spinner size="lg" label={label} />
    </div>
  );
}

/** A grey placeholder in the shape of content that is still loading. */
export function Skeleton({ width, height = 14 }: { width?: number | string; height?: number }) {
  return <span className="skeleton" style={{ width: width ?? '100%', height }} aria-hidden="true" />;
}
