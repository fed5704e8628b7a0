import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A person known to the test provider; they sign in by typing their `sub` on its login form. */
export interface ProviderPerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  given_name?: string;
  family_name?: string;
}

export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by `sub`; tests add and change them between sign-ins. */
  people: Map<string, ProviderPerson>;
  /** Signs `sub` in through the provider's own pages; returns its redirect to the client. */
  signIn(authorizationUrl: string, sub: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on loopback, with its development login and consent
 * pages. PKCE is required, so a client that forgets it fails.
 */
export async function startOpenIdProvider(redirectUri: string): Promise<TestOpenIdProvider> {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  // Opening PGlite blocks the event loop for seconds; with Node's 5 s default the server could close
  // an idle keep-alive socket just as the client reuses it (ECONNRESET).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const people = new Map<string, ProviderPerson>();
  const clientId = 'seed-pm';
  const clientSecret = 'a-test-client-secret-of-decent-length';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' }] },
    cookies: { keys: ['test-cookie-signing-key'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['preferred_username', 'given_name', 'family_name'],
    },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      return person && { accountId: sub, claims: () => ({ ...person }) };
    },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    signIn: (authorizationUrl, sub) => followSignIn(authorizationUrl, sub, redirectUri),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function remember(jar: Map<string, string>, headers: Headers): void {
  for (const cookie of headers.getSetCookie()) {
    const pair = cookie.split(';')[0] ?? '';
    const name = pair.slice(0, pair.indexOf('=')).trim();
    const value = pair.slice(pair.indexOf('=') + 1);
    if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) {
      jar.delete(name);
    } else {
      jar.set(name, value);
    }
  }
}

/**
 * Plays the browser: follows redirects carrying cookies, and submits the login form, then the
 * consent form, until the provider redirects to the client.
 */
async function followSignIn(authorizationUrl: string, accountId: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 15; step += 1) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      ...(form ? { body: form } : {}),
    });
    remember(jar, response.headers);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) {
        return next;
      }
      url = next.href;
      form = undefined;
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) {
      throw new Error(`provider answered ${response.status}: ${page.slice(0, 500)}`);
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    form = new URLSearchParams(
      prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt: 'consent' },
    );
  }
  throw new Error('the provider sign-in did not finish');
}
