import { useId, type ChangeEvent } from 'react';
import type { FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues } from '../../../shared/forms/form-values.ts';
import { Field } from '../../../shared/ui/field.tsx';
import { knownCurrencies, parseCurrency, parseRate } from '../rate-input.ts';

/** The API's field names as the rate forms label them (for field errors of problem+json answers). */
export const RATE_LABELS = {
  user_id: 'Person',
  project_id: 'Project',
  rate: 'Rate',
  currency: 'Currency',
  effective_from: 'Effective from',
};

const CURRENCIES = knownCurrencies();

export interface RateValues {
  rate: number;
  currency: string;
  effective_from: string;
}

/** The amount, currency and first day of a rate, checked before the request: a sentence per field. */
export function readRateFields(form: HTMLFormElement): { values: RateValues } | { errors: FormErrors } {
  const raw = formValues(form, ['rate', 'currency', 'effective_from'] as const);
  const rate = parseRate(raw.rate);
  const currency = parseCurrency(raw.currency);
  const fields: Record<string, string> = {};
  if ('error' in rate) {
    fields.rate = rate.error;
  }
  if ('error' in currency) {
    fields.currency = currency.error;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw.effective_from)) {
    fields.effective_from = 'Pick the day the rate starts';
  }
  if ('value' in rate && 'value' in currency && Object.keys(fields).length === 0) {
    return { values: { rate: rate.value, currency: currency.value, effective_from: raw.effective_from } };
  }
  return { errors: { fields, banner: null } };
}

interface RateFieldsProps {
  /** What the fields start with (uncontrolled), except the currency when `onCurrencyChange` is set. */
  rate: string;
  currency: string;
  effectiveFrom: string;
  errors: FormErrors;
  onCurrencyChange?: (currency: string) => void;
  /** Puts the cursor in the rate (an edit opened in place). */
  autoFocus?: boolean;
}

/** Rate, currency (ISO 4217, with the browser's codes as suggestions) and effective date. */
export function RateFields({
  rate,
  currency,
  effectiveFrom,
  errors,
  onCurrencyChange,
  autoFocus = false,
}: RateFieldsProps) {
  const currencies = useId();
  return (
    <>
      <Field
        name="rate"
        label={RATE_LABELS.rate}
        defaultValue={rate}
        autoFocus={autoFocus}
        inputMode="decimal"
        autoComplete="off"
        placeholder="85.00"
        hint="Per hour"
        error={errors.fields.rate}
      />
      <Field
        name="currency"
        label={RATE_LABELS.currency}
        {...(onCurrencyChange
          ? {
              value: currency,
              onChange: (event: ChangeEvent<HTMLInputElement>) => onCurrencyChange(event.target.value),
            }
          : { defaultValue: currency })}
        list={currencies}
        maxLength={3}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        hint="ISO 4217 code"
        error={errors.fields.currency}
      />
      <datalist id={currencies}>
        {CURRENCIES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <Field
        name="effective_from"
        label={RATE_LABELS.effective_from}
        type="date"
        defaultValue={effectiveFrom}
        hint="Applies to entries from this day on"
        error={errors.fields.effective_from}
      />
    </>
  );
}
