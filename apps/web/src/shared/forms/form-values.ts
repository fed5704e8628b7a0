import { useEffect, type RefObject } from 'react';
import type { FormErrors } from './form-errors.ts';

/** The text value of a named form control ('' when absent). */
export function formValue(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Reads the named fields of a submitted form. */
export function formValues<K extends string>(form: HTMLFormElement, names: readonly K[]): Record<K, string> {
  const data = new FormData(form);
  const result = {} as Record<K, string>;
  for (const name of names) {
    result[name] = formValue(data, name);
  }
  return result;
}

/** After a failed submit, puts the cursor in the first field that needs fixing. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, errors: FormErrors): void {
  useEffect(() => {
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [formRef, errors]);
}
