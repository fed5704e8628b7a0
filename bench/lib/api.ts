/** A small JSON client of the server's /api/v1, as the bench's own requests (not the load) use it. */
export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { token?: string; body?: unknown; expect?: number[] } = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : undefined) as T;
    const expected = options.expect ?? [200, 201, 204];
    if (!expected.includes(res.status)) {
      throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    }
    return { status: res.status, body };
  }
}

interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** A signed-in person whose access token is renewed through /auth/refresh before it would expire. */
export class Session {
  private tokens: TokenSet;
  private expiresAt: number;

  private constructor(
    private readonly api: Api,
    tokens: TokenSet,
  ) {
    this.tokens = tokens;
    this.expiresAt = Date.now() + tokens.expires_in * 1000;
  }

  static async signIn(api: Api, email: string, password: string): Promise<Session> {
    const { body } = await api.call<TokenSet>('POST', '/auth/login', { body: { email, password } });
    return new Session(api, body);
  }

  get token(): string {
    return this.tokens.access_token;
  }

  /** An access token valid for at least `forMs` more (a load run must not outlive its token). */
  async freshToken(forMs: number): Promise<string> {
    if (this.expiresAt - Date.now() < forMs + 30_000) {
      const { body } = await this.api.call<TokenSet>('POST', '/auth/refresh', {
        body: { refresh_token: this.tokens.refresh_token },
      });
      this.tokens = body;
      this.expiresAt = Date.now() + body.expires_in * 1000;
    }
    if (this.expiresAt - Date.now() < forMs) {
      throw new Error(
        `access tokens live ${this.tokens.expires_in} s, shorter than a ${Math.round(forMs / 1000)} s run`,
      );
    }
    return this.tokens.access_token;
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time, in order of start. */
export async function eachLimited<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
