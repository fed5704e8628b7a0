import { safeNextPath } from './safe-next.ts';

const KEY = 'pm.oauth_next';

/** The provider's round trip loses our URL; keep where to go back to for the callback page. */
export function rememberOAuthReturn(next: string): void {
  try {
    sessionStorage.setItem(KEY, next);
  } catch {
    // Without storage the callback goes home, which is fine.
  }
}

export function takeOAuthReturn(): string {
  try {
    const next = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return safeNextPath(next);
  } catch {
    return '/';
  }
}
