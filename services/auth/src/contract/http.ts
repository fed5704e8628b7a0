import { Type, type Static } from 'typebox';

const Email = Type.String({ format: 'email', maxLength: 255 });
const Username = Type.String({ minLength: 3, maxLength: 100, pattern: '^[A-Za-z0-9_.-]+$' });
const Name = Type.String({ maxLength: 100 });
/** Length limits only: strength and common-password checks happen in the password policy. */
const Password = Type.String({ minLength: 1, maxLength: 256 });
const Timestamp = Type.String({ format: 'date-time' });

/** A user as the auth service shows it. */
export const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  username: Type.String(),
  first_name: Type.Union([Type.String(), Type.Null()]),
  last_name: Type.Union([Type.String(), Type.Null()]),
  is_active: Type.Boolean(),
  email_verified: Type.Boolean(),
  roles: Type.Array(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type User = Static<typeof User>;

/** OAuth2 token response shape, for login, refresh and provider sign-in. */
export const TokenSet = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});
export type TokenSet = Static<typeof TokenSet>;

export const RegisterBody = Type.Object({
  email: Email,
  username: Username,
  password: Password,
  first_name: Type.Optional(Name),
  last_name: Type.Optional(Name),
});
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object({
  /** An email address or a username. */
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  password: Password,
});
export type LoginBody = Static<typeof LoginBody>;

export const RefreshBody = Type.Object({ refresh_token: Type.String({ minLength: 1, maxLength: 512 }) });
export type RefreshBody = Static<typeof RefreshBody>;

export const LogoutBody = Type.Object({ refresh_token: Type.Optional(Type.String({ maxLength: 512 })) });

export const ForgotPasswordBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 255 }) });

export const ResetPasswordBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 512 }),
  password: Password,
});

export const VerifyEmailBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }) });

export const UpdateProfileBody = Type.Object({
  first_name: Type.Optional(Type.Union([Name, Type.Null()])),
  last_name: Type.Optional(Type.Union([Name, Type.Null()])),
  username: Type.Optional(Username),
});
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;

export const ChangePasswordBody = Type.Object({ current_password: Password, new_password: Password });

export const Session = Type.Object({
  id: Type.String({ format: 'uuid' }),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  last_used_at: Timestamp,
  expires_at: Timestamp,
  current: Type.Boolean(),
});
export type Session = Static<typeof Session>;

export const SessionList = Type.Object({ items: Type.Array(Session) });

export const ProviderList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type ProviderList = Static<typeof ProviderList>;

export const OAuthExchangeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 512 }) });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
