import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ForgotPasswordBody,
  LoginBody,
  LogoutBody,
  RefreshBody,
  RegisterBody,
  ResetPasswordBody,
  TokenSet,
  User,
  VerifyEmailBody,
} from '../contract/http.ts';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { requestPasswordReset, resetPassword } from '../use-cases/password-reset.ts';
import { refreshSession } from '../use-cases/refresh-session.ts';
import { registerUser } from '../use-cases/register-user.ts';
import { signIn } from '../use-cases/sign-in.ts';
import { signOut } from '../use-cases/sign-out.ts';
import { resendVerification, verifyEmail } from '../use-cases/verify-email.ts';

export function clientOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

const tags = ['auth'];
const NoContent = { 204: Type.Null() };

/** Register, sign in, refresh, sign out, and the email-link flows. */
export const accountRoutes: FastifyPluginAsyncTypebox<{ deps: AuthDeps }> = async (app, { deps }) => {
  app.post('/register', { schema: { tags, summary: 'Create an account', body: RegisterBody, response: { 201: User } } }, async (request, reply) =>
    reply.status(201).send(await registerUser(deps, request.body, clientOf(request))),
  );
  app.post('/login', { schema: { tags, summary: 'Sign in with email or username', body: LoginBody, response: { 200: TokenSet } } }, (request) =>
    signIn(deps, request.body, clientOf(request)),
  );
  app.post('/refresh', { schema: { tags, summary: 'Rotate a refresh token', body: RefreshBody, response: { 200: TokenSet } } }, (request) =>
    refreshSession(deps, request.body.refresh_token, clientOf(request)),
  );
  app.post(
    '/logout',
    { schema: { tags, summary: 'End this session', body: LogoutBody, response: NoContent } },
    async (request, reply) => {
      await signOut(deps, requireAuth(request), request.body?.refresh_token);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/forgot-password',
    { schema: { tags, summary: 'Email a password-reset link', body: ForgotPasswordBody, response: { 202: Type.Null() } } },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email, clientOf(request));
      return reply.status(202).send(null);
    },
  );
  app.post(
    '/reset-password',
    { schema: { tags, summary: 'Set a new password from a reset link', body: ResetPasswordBody, response: NoContent } },
    async (request, reply) => {
      await resetPassword(deps, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );
  app.post('/verify-email', { schema: { tags, summary: 'Confirm an email address', body: VerifyEmailBody, response: { 200: User } } }, (request) =>
    verifyEmail(deps, request.body.token),
  );
  app.post(
    '/verify-email/resend',
    { schema: { tags, summary: 'Email a new verification link', response: { 202: Type.Null() } } },
    async (request, reply) => {
      await resendVerification(deps, requireAuth(request).sub);
      return reply.status(202).send(null);
    },
  );
};
