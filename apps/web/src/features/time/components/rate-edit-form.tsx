import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateRate } from '../hooks/use-rates.ts';
import { versionConflictCurrent } from '../time-errors.ts';
import type { HourlyRate } from '../time.types.ts';
import { RATE_LABELS, RateFields, readRateFields } from './rate-fields.tsx';

const CONFLICT =
  'Someone else changed this rate meanwhile. We loaded their version: check it and save again.';

interface RateEditFormProps {
  rate: HourlyRate;
  /** "Grace Hopper's default rate from Mar 3, 2025", naming the form. */
  label: string;
  onDone: () => void;
}

/** Changes a rate's amount, currency or first day in place; Escape or Cancel leaves it as it was. */
export function RateEditForm({ rate, label, onDone }: RateEditFormProps) {
  // The version the edit is based on: a conflict swaps in the one saved meanwhile.
  const [base, setBase] = useState(rate);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateRate();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readRateFields(event.currentTarget);
    if ('errors' in read) {
      setErrors(read.errors);
      return;
    }
    update.mutate(
      { id: base.id, body: { version: base.version, ...read.values } },
      {
        onSuccess: () => {
          toast.show('Rate saved', 'success');
          onDone();
        },
        onError: (error) => {
          const current = versionConflictCurrent<HourlyRate>(error);
          if (current) {
            setBase(current);
            setErrors({ fields: {}, banner: CONFLICT });
          } else {
            setErrors(formErrorsFrom(error, RATE_LABELS));
          }
        },
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="form rate-edit-form"
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
      noValidate
      aria-label={`Edit ${label}`}
    >
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      {/* Keyed by version: after a conflict the fields show what was saved meanwhile. */}
      <div className="form-row" key={base.version}>
        <RateFields
          rate={String(base.rate)}
          currency={base.currency}
          effectiveFrom={base.effective_from}
          errors={errors}
          autoFocus
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" isLoading={update.isPending}>
          Save rate
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
