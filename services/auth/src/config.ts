import { Type, type Static } from 'typebox';

export const AuthConfig = Type.Object({
  /** Lifetime of an access token, in seconds. */
  AUTH_ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 3600, default: 900 }),
  /** Lifetime of a refresh token (renewed on each rotation), in days. */
  AUTH_REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  /** Sign-in attempts allowed per IP address in 5 minutes. */
  AUTH_LOGIN_MAX_PER_IP: Type.Integer({ minimum: 1, default: 30 }),
  /** Failed sign-ins allowed per account in 15 minutes before it is paused. */
  AUTH_LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  /** Registrations and password-reset requests allowed per IP address per hour. */
  AUTH_ACCOUNT_REQUESTS_PER_IP: Type.Integer({ minimum: 1, default: 20 }),
  /** Generic OpenID Connect provider: issuer URL (discovery at /.well-known/openid-configuration). */
  AUTH_OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://' })),
  AUTH_OIDC_CLIENT_ID: Type.Optional(Type.String()),
  AUTH_OIDC_CLIENT_SECRET: Type.Optional(Type.String()),
  /** Button label of the generic provider. */
  AUTH_OIDC_NAME: Type.String({ default: 'Single sign-on' }),
  AUTH_GOOGLE_CLIENT_ID: Type.Optional(Type.String()),
  AUTH_GOOGLE_CLIENT_SECRET: Type.Optional(Type.String()),
  AUTH_GITHUB_CLIENT_ID: Type.Optional(Type.String()),
  AUTH_GITHUB_CLIENT_SECRET: Type.Optional(Type.String()),
  AUTH_SLACK_CLIENT_ID: Type.Optional(Type.String()),
  AUTH_SLACK_CLIENT_SECRET: Type.Optional(Type.String()),
});
export type AuthConfig = Static<typeof AuthConfig>;
