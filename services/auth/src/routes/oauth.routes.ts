import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { OAuthExchangeBody, ProviderList, TokenSet } from '../contract/http.ts';
import type { AuthDeps } from '../deps.ts';
import { OAuthError } from '../domain/auth.errors.ts';
import { safeReturnTo } from '../domain/oauth-identity.ts';
import { exchangeOAuthCode } from '../use-cases/exchange-oauth-code.ts';
import { finishOAuthSignIn } from '../use-cases/finish-oauth-sign-in.ts';
import { startOAuthSignIn } from '../use-cases/start-oauth-sign-in.ts';
import { clientOf } from './account.routes.ts';

const tags = ['auth'];
const BINDING_COOKIE = 'pm_oauth_binding';
/** Our own values only (newSecret: 32 bytes in base64url); anything else is replaced. */
const BINDING_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const BINDING_MAX_AGE_SECONDS = 600;

const ProviderParams = Type.Object({ provider: Type.String({ maxLength: 50 }) });
const StartQuery = Type.Object({
  /** A path of the app to return to after signing in. */
  return_to: Type.Optional(Type.String({ maxLength: 1000 })),
});
// Providers add their own parameters (iss, scope, session_state, authuser…): accept them all.
const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String()),
    state: Type.Optional(Type.String()),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
const Redirect = { 302: Type.Null({ description: 'Redirect (Location header)' }) };

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/**
 * HttpOnly so scripts cannot read it; SameSite=Lax so the provider's top-level redirect back still
 * carries it; limited to the OAuth routes.
 */
function bindingCookie(publicUrl: string, value: string): string {
  const url = new URL(publicUrl);
  const attributes = [
    `${BINDING_COOKIE}=${value}`,
    `Path=${url.pathname.replace(/\/$/, '')}/api/v1/auth/oauth`,
    `Max-Age=${BINDING_MAX_AGE_SECONDS}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  return (url.protocol === 'https:' ? [...attributes, 'Secure'] : attributes).join('; ');
}

/** The SPA page that finishes a provider sign-in, with a one-time code or an error. */
function redirectToApp(deps: AuthDeps, reply: FastifyReply, params: Record<string, string>): FastifyReply {
  // The URL carries a one-time code: no cache may keep it.
  void reply.header('cache-control', 'no-store');
  return reply.redirect(`${deps.publicUrl}/oauth/callback?${new URLSearchParams(params).toString()}`, 302);
}

function redirectWithFailure(
  deps: AuthDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  if (!(error instanceof OAuthError)) {
    // A browser navigation: land on the app's error page rather than on a JSON document.
    request.log.error({ err: error }, 'provider sign-in failed');
    return redirectToApp(deps, reply, {
      error: 'server_error',
      error_description: 'Something went wrong on our side; please try again.',
    });
  }
  // Refusals (cancelled, expired, unverified) are routine; a failing provider call needs an operator.
  if (error.cause === undefined) {
    request.log.info({ reason: error.reason }, 'provider sign-in refused');
  } else {
    request.log.warn({ reason: error.reason, err: error.cause }, 'provider sign-in failed');
  }
  return redirectToApp(deps, reply, { error: error.reason, error_description: error.message });
}

/** Sign-in with OAuth2 / OpenID Connect providers (authorization code with PKCE). */
export const oauthRoutes: FastifyPluginAsyncTypebox<{ deps: AuthDeps }> = async (app, { deps }) => {
  app.get(
    '/providers',
    {
      schema: { tags, summary: 'Sign-in providers enabled on this server', response: { 200: ProviderList } },
    },
    () => ({
      items: deps.signInProviders.list(),
    }),
  );

  app.get(
    '/oauth/:provider/start',
    {
      schema: {
        tags,
        summary: 'Go to a provider to sign in',
        params: ProviderParams,
        querystring: StartQuery,
        response: Redirect,
      },
    },
    async (request, reply) => {
      const cookie = readCookie(request.headers.cookie, BINDING_COOKIE);
      try {
        const started = await startOAuthSignIn(deps, request.params.provider, {
          browserBinding: cookie && BINDING_FORMAT.test(cookie) ? cookie : undefined,
          returnTo: safeReturnTo(request.query.return_to),
          client: clientOf(request),
        });
        void reply.header('set-cookie', bindingCookie(deps.publicUrl, started.browserBinding));
        void reply.header('cache-control', 'no-store');
        return reply.redirect(started.authorizationUrl, 302);
      } catch (error) {
        if (error instanceof OAuthError) {
          return redirectWithFailure(deps, request, reply, error);
        }
        throw error;
      }
    },
  );

  app.get(
    '/oauth/:provider/callback',
    {
      schema: {
        tags,
        summary: 'Where the provider sends the browser back',
        params: ProviderParams,
        querystring: CallbackQuery,
        response: Redirect,
      },
    },
    async (request, reply) => {
      // The raw query, exactly as the provider sent it, is what openid-client validates.
      const params = new URLSearchParams(request.url.split('?')[1] ?? '');
      try {
        const done = await finishOAuthSignIn(
          deps,
          request.params.provider,
          params,
          readCookie(request.headers.cookie, BINDING_COOKIE),
        );
        return redirectToApp(deps, reply, {
          code: done.code,
          ...(done.returnTo ? { return_to: done.returnTo } : {}),
        });
      } catch (error) {
        return redirectWithFailure(deps, request, reply, error);
      }
    },
  );

  app.post(
    '/oauth/exchange',
    {
      schema: {
        tags,
        summary: 'Trade a provider sign-in code for tokens',
        body: OAuthExchangeBody,
        response: { 200: TokenSet },
      },
    },
    (request) => exchangeOAuthCode(deps, request.body.code, clientOf(request)),
  );
};
