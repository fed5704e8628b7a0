import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { AlertIcon } from './icons.tsx';

interface FrameProps {
  label: string;
  inputId: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** The ids that tie a control to its hint and error text. */
function useDescribedBy(name: string, id: string | undefined, error: unknown, hint: unknown) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-${name}`;
  const describedBy = [error ? `${inputId}-error` : '', hint && !error ? `${inputId}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return { inputId, describedBy: describedBy || undefined };
}

/** Label, control, then the error or the hint: the layout every form field shares. */
function FieldFrame({ label, inputId, error, hint, optional, className, children }: FrameProps) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={inputId} className="field-label">
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${inputId}-error`} className="field-error">
          <AlertIcon size={14} />
          <span>{error}</span>
        </p>
      ) : null}
      {hint && !error ? (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> {
  label: string;
  name: string;
  options: SelectOption[];
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
}

/** A labelled native select: the platform's keyboard handling and type-to-find come for free. */
export function SelectField({
  label,
  name,
  options,
  error,
  hint,
  optional,
  id,
  className,
  ...rest
}: SelectFieldProps) {
  const { inputId, describedBy } = useDescribedBy(name, id, error, hint);
  return (
    <FieldFrame
      label={label}
      inputId={inputId}
      error={error}
      hint={hint}
      optional={optional}
      className={className}
    >
      <select
        id={inputId}
        name={name}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  optional,
  id,
  className,
  rows = 4,
  ...rest
}: TextAreaFieldProps) {
  const { inputId, describedBy } = useDescribedBy(name, id, error, hint);
  return (
    <FieldFrame
      label={label}
      inputId={inputId}
      error={error}
      hint={hint}
      optional={optional}
      className={className}
    >
      <textarea
        id={inputId}
        name={name}
        rows={rows}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
    </FieldFrame>
  );
}

interface SwitchProps {
  label: string;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** An on/off setting that applies at once: a checkbox announced as a switch. */
export function Switch({ label, description, checked, onChange, disabled = false }: SwitchProps) {
  const id = useId();
  return (
    <div className="switch-row">
      <div className="switch-text">
        <label htmlFor={id} className="switch-label">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="switch-description">
            {description}
          </p>
        ) : null}
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
    </div>
  );
}
