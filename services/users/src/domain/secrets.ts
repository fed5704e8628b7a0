import { createHash, randomBytes } from 'node:crypto';

/** An opaque, URL-safe secret (256 bits) for invitation links. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the SHA-256 of a token is stored, so a database leak does not leak open invitations. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
