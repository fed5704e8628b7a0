import { ApiError, asSentence, describeError } from '../api/problem.ts';

/** Messages per form field, plus what no field can show (for the banner above the form). */
export interface FormErrors {
  fields: Record<string, string>;
  banner: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, banner: null };

/** "must be at least 8 characters" reads better as "Password must be at least 8 characters". */
function sentence(label: string, message: string): string {
  const first = message.charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()
    ? `${label} ${message}`
    : message;
}

/**
 * Splits a failed request into messages next to the named fields and a banner for the rest.
 * `labels` maps the API's field names (snake_case) to the labels the form shows.
 */
export function formErrorsFrom(error: unknown, labels: Record<string, string>): FormErrors {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) {
    return { fields: {}, banner: describeError(error) };
  }
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    const label = labels[field];
    if (label === undefined) {
      leftover.push(asSentence(sentence(field.replaceAll('_', ' '), message)));
    } else if (!(field in fields)) {
      fields[field] = sentence(label, message);
    }
  }
  const banner = leftover.length > 0 ? leftover.join(' ') : null;
  return { fields, banner };
}

/** Client-side checks before a request: every listed field must be filled in. */
export function missingFields(values: Record<string, string>, labels: Record<string, string>): FormErrors {
  const fields: Record<string, string> = {};
  for (const [name, label] of Object.entries(labels)) {
    if ((values[name] ?? '').trim() === '') {
      fields[name] = `Enter your ${label.toLowerCase()}`;
    }
  }
  return { fields, banner: null };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.banner !== null || Object.keys(errors.fields).length > 0;
}
