/** Uppercase letters and digits, starting with a letter, 2–10 characters (the server's rule). */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

/**
 * The key the server derives when none is given (shown as a placeholder): initials of several
 * words ("Website Redesign" → "WR"), else the first three characters, else "PRJ".
 */
export function suggestProjectKey(name: string): string {
  const parts = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const initials = parts
    .map((word) => word[0])
    .join('')
    .replace(/^[0-9]+/, '')
    .slice(0, 10);
  if (parts.length > 1 && initials.length >= 2) {
    return initials;
  }
  const start = parts
    .join('')
    .replace(/^[0-9]+/, '')
    .slice(0, 3);
  return start.length >= 2 ? start : 'PRJ';
}
