/**
 * The page to return to after signing in. Only paths on this site are accepted, so a crafted
 * `?next=https://evil.example` cannot send a freshly signed-in user elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  return next;
}

/** The sign-in URL that brings the user back to `path` afterwards. */
export function signInPathFor(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}
