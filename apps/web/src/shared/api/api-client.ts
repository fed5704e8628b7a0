import { ApiError, networkError, toApiError } from './problem.ts';
import type { TokenPair, TokenStore } from './token-store.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Send the access token (default). Public endpoints pass false. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClient {
  request: <T>(path: string, options?: RequestOptions) => Promise<T>;
  /** Refreshes the access token if it is missing or about to expire; false when signed out. */
  ensureFreshAccessToken: () => Promise<boolean>;
  readonly tokens: TokenStore;
}

// Refresh a little before expiry so a request does not go out with a token about to lapse.
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Serializes refreshes across tabs: refresh tokens rotate, and two tabs spending the same one
 * would look like token theft to the server and revoke the whole session.
 */
function withCrossTabLock<T>(run: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return navigator.locks.request('pm.token-refresh', run);
  }
  return run();
}

export function createApiClient(options: { baseUrl: string; tokens: TokenStore }): ApiClient {
  const { baseUrl, tokens } = options;
  let refreshing: Promise<boolean> | null = null;

  async function send(path: string, opts: RequestOptions, withAuth: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const accessToken = tokens.getAccessToken();
    if (withAuth && accessToken) {
      headers.authorization = `Bearer ${accessToken}`;
    }
    try {
      return await fetch(`${baseUrl}${path}`, {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body === undefined ? null : JSON.stringify(opts.body),
        signal: opts.signal ?? null,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw networkError();
    }
  }

  async function refreshNow(): Promise<boolean> {
    return withCrossTabLock(async () => {
      const refreshToken = tokens.getRefreshToken();
      if (!refreshToken) {
        return false;
      }
      const res = await send(
        '/auth/refresh',
        { method: 'POST', body: { refresh_token: refreshToken } },
        false,
      );
      if (res.ok) {
        tokens.setTokens((await res.json()) as TokenPair);
        return true;
      }
      // The server refused the token: the session is over. A 5xx may pass, so keep the token then.
      if (res.status < 500) {
        tokens.clear('expired');
        return false;
      }
      throw await toApiError(res);
    });
  }

  /** One refresh at a time: concurrent 401s all wait for the same attempt. */
  function refreshOnce(): Promise<boolean> {
    refreshing ??= refreshNow().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /**
   * After a 401: true when a newer access token is available (another request may already have
   * refreshed). A 401 on the retry is the endpoint's own answer (a wrong current password, say),
   * thrown like any other error without ending the session.
   */
  async function renewAfter(sentToken: string | null): Promise<boolean> {
    const current = tokens.getAccessToken();
    if (current !== null && current !== sentToken) {
      return true;
    }
    return tokens.getRefreshToken() ? refreshOnce() : false;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const withAuth = opts.auth ?? true;
    if (withAuth && tokens.isAccessTokenStale(EXPIRY_MARGIN_MS) && tokens.getRefreshToken()) {
      await refreshOnce();
    }
    const sentToken = tokens.getAccessToken();
    let res = await send(path, opts, withAuth);
    if (res.status === 401 && withAuth && !(await namesBadFields(res)) && (await renewAfter(sentToken))) {
      res = await send(path, opts, withAuth);
    }
    if (!res.ok) {
      throw await toApiError(res);
    }
    return (await readBody(res)) as T;
  }

  async function ensureFreshAccessToken(): Promise<boolean> {
    if (tokens.isAccessTokenStale(EXPIRY_MARGIN_MS) && tokens.getRefreshToken()) {
      return refreshOnce();
    }
    return tokens.getAccessToken() !== null;
  }

  return { request, ensureFreshAccessToken, tokens };
}

/** A 401 that names fields (a wrong current password) is about the input, not the token. */
async function namesBadFields(res: Response): Promise<boolean> {
  const error = await toApiError(res.clone());
  return error.fieldErrors.length > 0;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.headers.get('content-length') === '0') {
    return undefined;
  }
  const text = await res.text();
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(res.status, {
      title: 'Unreadable response',
      detail: 'The server sent an answer we could not read.',
    });
  }
}
