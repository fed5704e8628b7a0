import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { AlertIcon } from './icons.tsx';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Shown at the end of the label row, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
  optional?: boolean;
}

/** A labelled input with its hint and error text wired up for assistive technology. */
export function Field({
  label,
  name,
  error,
  hint,
  labelAside,
  optional,
  id,
  className,
  ...input
}: FieldProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={inputId} className="field-label">
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      <input
        id={inputId}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {/* After the input in tab order (email → password → "Forgot password?"), drawn beside the label. */}
      {labelAside ? <div className="field-aside">{labelAside}</div> : null}
      {error ? (
        <p id={errorId} className="field-error">
          <AlertIcon size={14} />
          <span>{error}</span>
        </p>
      ) : null}
      {hint && !error ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A read-only value laid out like a field, for data the user cannot edit here. */
export function StaticField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <div className="static-value">{children}</div>
    </div>
  );
}
