import { defineEvent } from '@pm/kernel';
import { Type } from 'typebox';

/** A person created an account (by form or through a sign-in provider). */
export const UserRegistered = defineEvent(
  'auth.user.registered',
  1,
  Type.Object({
    user_id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    username: Type.String(),
    first_name: Type.Union([Type.String(), Type.Null()]),
    last_name: Type.Union([Type.String(), Type.Null()]),
    email_verified: Type.Boolean(),
  }),
);

export const UserEmailVerified = defineEvent(
  'auth.user.email_verified',
  1,
  Type.Object({ user_id: Type.String({ format: 'uuid' }), email: Type.String() }),
);

export const UserProfileUpdated = defineEvent(
  'auth.user.updated',
  1,
  Type.Object({
    user_id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    first_name: Type.Union([Type.String(), Type.Null()]),
    last_name: Type.Union([Type.String(), Type.Null()]),
  }),
);
