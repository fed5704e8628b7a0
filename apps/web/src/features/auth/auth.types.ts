// Local copies of the auth service's HTTP types. They will be replaced by imports from
// `@pm/auth/contract` once that package publishes them; keep every auth type in this file.

export interface User {
  id: string;
  email: string;
  username: string;
  first_name: string | null;
  last_name: string | null;
  is_active: boolean;
  email_verified: boolean;
  roles: string[];
  created_at: string;
  updated_at: string;
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface Session {
  id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  current: boolean;
}

export interface OAuthProvider {
  id: string;
  name: string;
}

export interface RegisterRequest {
  email: string;
  username: string;
  password: string;
  first_name?: string;
  last_name?: string;
}

export interface LoginRequest {
  /** An email address or a username. */
  email: string;
  password: string;
}

export interface ResetPasswordRequest {
  token: string;
  password: string;
}

export interface UpdateProfileRequest {
  /** null clears the name. */
  first_name?: string | null;
  last_name?: string | null;
  username?: string;
}

export interface ChangePasswordRequest {
  current_password: string;
  new_password: string;
}

export interface ListResponse<T> {
  items: T[];
}
