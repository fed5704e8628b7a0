import { API_BASE, apiClient } from '../../shared/api/client.ts';
import type {
  ChangePasswordRequest,
  ListResponse,
  LoginRequest,
  OAuthProvider,
  RegisterRequest,
  ResetPasswordRequest,
  Session,
  TokenSet,
  UpdateProfileRequest,
  User,
} from './auth.types.ts';

const { request } = apiClient;

export function register(body: RegisterRequest): Promise<User> {
  return request<User>('/auth/register', { method: 'POST', body, auth: false });
}

export function login(body: LoginRequest): Promise<TokenSet> {
  return request<TokenSet>('/auth/login', { method: 'POST', body, auth: false });
}

export function logout(refreshToken: string): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST', body: { refresh_token: refreshToken } });
}

export function forgotPassword(email: string): Promise<void> {
  return request<void>('/auth/forgot-password', { method: 'POST', body: { email }, auth: false });
}

export function resetPassword(body: ResetPasswordRequest): Promise<void> {
  return request<void>('/auth/reset-password', { method: 'POST', body, auth: false });
}

export function verifyEmail(token: string): Promise<User> {
  return request<User>('/auth/verify-email', { method: 'POST', body: { token }, auth: false });
}

export function resendVerificationEmail(): Promise<void> {
  return request<void>('/auth/verify-email/resend', { method: 'POST' });
}

export function getProfile(signal?: AbortSignal): Promise<User> {
  return request<User>('/auth/profile', signal ? { signal } : {});
}

export function updateProfile(body: UpdateProfileRequest): Promise<User> {
  return request<User>('/auth/profile', { method: 'PUT', body });
}

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return request<void>('/auth/change-password', { method: 'POST', body });
}

export async function listSessions(signal?: AbortSignal): Promise<Session[]> {
  const page = await request<ListResponse<Session>>('/auth/sessions', signal ? { signal } : {});
  return page.items;
}

export function revokeSession(id: string): Promise<void> {
  return request<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function revokeOtherSessions(): Promise<void> {
  return request<void>('/auth/sessions', { method: 'DELETE' });
}

export async function listOAuthProviders(signal?: AbortSignal): Promise<OAuthProvider[]> {
  const page = await request<ListResponse<OAuthProvider>>('/auth/providers', {
    auth: false,
    ...(signal ? { signal } : {}),
  });
  return page.items;
}

export function exchangeOAuthCode(code: string): Promise<TokenSet> {
  return request<TokenSet>('/auth/oauth/exchange', { method: 'POST', body: { code }, auth: false });
}

/** Where the browser goes (a full page load) to sign in with a provider. */
export function oauthStartUrl(providerId: string): string {
  return `${API_BASE}/auth/oauth/${encodeURIComponent(providerId)}/start`;
}
