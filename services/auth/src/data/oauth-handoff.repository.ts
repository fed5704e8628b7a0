import type { KeyValueStore } from '@pm/kernel';
import { hashSecret, newSecret } from '../domain/secrets.ts';

/** What /start remembers for its callback, keyed by the `state` it sent to the provider. */
export interface PendingSignIn {
  provider: string;
  codeVerifier: string;
  nonce: string | null;
  /** Random value also set as a cookie: the callback must come from the browser that started. */
  browserBinding: string;
  returnTo: string | null;
}

/** Long enough to type a password and pass a second factor at the provider. */
const PENDING_TTL_SECONDS = 600;
/** The SPA trades the one-time code for tokens right after the redirect. */
const CODE_TTL_SECONDS = 60;

/**
 * Short-lived sign-in hand-offs in the shared cache (Redis in split mode), so the callback and the
 * exchange may reach any instance. Keys hold only hashes of the secrets.
 */
export class OAuthHandoffRepository {
  constructor(private readonly cache: KeyValueStore) {}

  async savePending(state: string, pending: PendingSignIn): Promise<void> {
    await this.cache.set(`oauth:state:${hashSecret(state)}`, JSON.stringify(pending), PENDING_TTL_SECONDS);
  }

  /** The pending sign-in for `state`, at most once. */
  async takePending(state: string): Promise<PendingSignIn | null> {
    const value = await this.takeOnce(`oauth:state:${hashSecret(state)}`, PENDING_TTL_SECONDS);
    return value === null ? null : (JSON.parse(value) as PendingSignIn);
  }

  /** A one-time code the SPA exchanges for tokens: tokens never travel in a URL. */
  async issueCode(userId: string): Promise<string> {
    const code = newSecret();
    await this.cache.set(`oauth:code:${hashSecret(code)}`, userId, CODE_TTL_SECONDS);
    return code;
  }

  /** The user id of a one-time code, at most once. */
  takeCode(code: string): Promise<string | null> {
    return this.takeOnce(`oauth:code:${hashSecret(code)}`, CODE_TTL_SECONDS);
  }

  /**
   * The store has no atomic get-and-delete; its counter is atomic (Redis INCR), so of two requests
   * racing with one secret only the first to count wins.
   */
  private async takeOnce(key: string, ttlSeconds: number): Promise<string | null> {
    const value = await this.cache.get(key);
    if (value === null) {
      return null;
    }
    const { count } = await this.cache.increment(`${key}:taken`, ttlSeconds);
    await this.cache.del(key);
    return count === 1 ? value : null;
  }
}
