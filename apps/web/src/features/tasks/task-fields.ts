/** Tags typed as "ui, backend urgent": split on commas and spaces, without repeats. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** Hours typed into an estimate: '' is none; anything else must be a number from 0 to 99,999. */
export function parseHours(text: string): { value: number | null } | { error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') {
    return { value: null };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > 99_999) {
    return { error: 'must be a number of hours from 0 to 99,999' };
  }
  return { value: Math.round(value * 100) / 100 };
}
