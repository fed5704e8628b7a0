import { useState } from 'react';
import { formatMinutes, parseDuration } from '../time-format.ts';

interface DurationInputProps {
  minutes: number;
  label: string;
  disabled?: boolean;
  /** Called with the new minutes when they differ; resolves once saved or refused. */
  onCommit: (minutes: number) => Promise<unknown>;
}

/** A duration typed as `1:30` or `1.5`, saved on Enter or when leaving the field; Esc reverts. */
export function DurationInput({ minutes, label, disabled = false, onCommit }: DurationInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = async () => {
    if (draft === null) {
      return;
    }
    const parsed = parseDuration(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (parsed.minutes === minutes) {
      setDraft(null);
      return;
    }
    // Saved or refused (the reason is announced), the field shows the server's value again.
    await onCommit(parsed.minutes);
    setDraft(null);
  };

  return (
    <input
      className={`input input-sm duration-input${error ? ' is-invalid' : ''}`}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      title={error ?? undefined}
      inputMode="decimal"
      placeholder="0:00"
      disabled={disabled}
      value={draft ?? formatMinutes(minutes, true)}
      onChange={(event) => {
        setDraft(event.target.value);
        setError(null);
      }}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          void commit();
        } else if (event.key === 'Escape') {
          setDraft(null);
          setError(null);
        }
      }}
    />
  );
}
