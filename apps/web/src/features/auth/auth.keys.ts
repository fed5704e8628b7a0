/** React Query keys of auth data; everything under ['auth'] belongs to the signed-in user. */
export const authKeys = {
  all: ['auth'] as const,
  profile: ['auth', 'profile'] as const,
  sessions: ['auth', 'sessions'] as const,
  providers: ['auth-providers'] as const,
};
