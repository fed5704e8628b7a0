/** Uppercase letters and digits, starting with a letter (task keys like "WEB-42" read badly as "2024-42"). */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
const MAX_LENGTH = 10;
const FALLBACK = 'PRJ';

function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

const withoutLeadingDigits = (text: string) => text.replace(/^[0-9]+/, '');

/**
 * A key from a project name: the initials of several words ("Website Redesign" → "WR"), else the
 * first three characters of the name ("Website" → "WEB"), else "PRJ" (names without Latin letters).
 */
export function deriveProjectKey(name: string): string {
  const parts = words(name);
  const initials = withoutLeadingDigits(parts.map((word) => word[0]).join('')).slice(0, MAX_LENGTH);
  if (parts.length > 1 && initials.length >= 2) {
    return initials;
  }
  const start = withoutLeadingDigits(parts.join('')).slice(0, 3);
  return start.length >= 2 ? start : FALLBACK;
}

/** The first of `base`, `base2`, `base3`… that is not taken, shortened to fit ten characters. */
export function firstFreeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let n = 2; ; n += 1) {
    const suffix = String(n);
    const candidate = `${base.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}
