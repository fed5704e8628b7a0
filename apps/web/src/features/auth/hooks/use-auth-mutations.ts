import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  changePassword,
  exchangeOAuthCode,
  forgotPassword,
  login,
  register,
  resendVerificationEmail,
  resetPassword,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
  verifyEmail,
} from '../auth.api.ts';
import { authKeys } from '../auth.keys.ts';
import type { LoginRequest, RegisterRequest, TokenSet, User } from '../auth.types.ts';
import { useStartSession } from './use-session.ts';

export function useSignIn() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: startSession,
  });
}

/** Creates the account, then signs straight in; `tokens` is null if that second step failed. */
export function useSignUp() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: RegisterRequest): Promise<{ user: User; tokens: TokenSet | null }> => {
      const user = await register(body);
      try {
        return { user, tokens: await login({ email: body.email, password: body.password }) };
      } catch {
        // The account exists; the sign-in page will take it from here.
        return { user, tokens: null };
      }
    },
    onSuccess: ({ tokens }) => {
      if (tokens) {
        startSession(tokens);
      }
    },
  });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => verifyEmail(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.profile }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => resendVerificationEmail() });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: (email: string) => forgotPassword(email) });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => queryClient.setQueryData(authKeys.profile, user),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeSession(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revokeOtherSessions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}

export function useExchangeOAuthCode() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (code: string) => exchangeOAuthCode(code),
    onSuccess: startSession,
  });
}
