import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { AlertIcon } from '../../../shared/ui/icons.tsx';
import { Spinner } from '../../../shared/ui/spinner.tsx';
import { AuthLayout, AuthResult } from '../components/auth-layout.tsx';
import { useExchangeOAuthCode } from '../hooks/use-auth-mutations.ts';
import { takeOAuthReturn } from '../oauth-return.ts';

// The short `error` codes the server's OAuth callback redirects with.
const PROVIDER_ERRORS: Record<string, string> = {
  access_denied: 'You cancelled signing in, or the provider refused access.',
  provider_error: 'The provider reported an error. Try again in a moment.',
  provider_unavailable: 'The provider is unavailable right now. Try again in a moment.',
  temporarily_unavailable: 'The provider is unavailable right now. Try again in a moment.',
  invalid_state: 'The sign-in took too long or was started in another browser. Start again.',
  exchange_failed: "We couldn't complete the sign-in with the provider. Start again.",
  email_missing: "The provider didn't share an email address with us, so we can't create your account.",
  email_not_verified:
    'Your email address is not verified with the provider. Verify it there, then try again.',
  account_not_verified:
    'An account with this email already exists. Sign in with your password and verify your email first.',
  account_disabled: 'This account is disabled. Contact your administrator.',
  invalid_code: 'The sign-in link expired or was already used. Start again.',
  server_error: 'Something went wrong on our side. Try again in a moment.',
};

/** Where the server sends the browser back after a provider sign-in: trade the code for tokens. */
export function OAuthCallbackPage() {
  const [params] = useSearchParams();
  const code = params.get('code');
  const providerError = params.get('error');
  const navigate = useNavigate();
  const exchange = useExchangeOAuthCode();
  const started = useRef(false);

  useEffect(() => {
    // A code is single-use: never send it twice (React runs effects twice in development).
    if (code && !providerError && !started.current) {
      started.current = true;
      exchange.mutate(code, { onSuccess: () => void navigate(takeOAuthReturn(), { replace: true }) });
    }
  }, [code, providerError, exchange, navigate]);

  const failure = providerError
    ? (PROVIDER_ERRORS[providerError] ??
      params.get('error_description') ??
      `Sign-in failed (${providerError}).`)
    : !code
      ? 'The sign-in response is missing its code.'
      : exchange.isError
        ? describeError(exchange.error)
        : null;

  if (failure) {
    return (
      <AuthLayout title="Sign in">
        <AuthResult tone="error" icon={<AlertIcon size={20} />}>
          <h2>We couldn't sign you in</h2>
          <p>{failure}</p>
        </AuthResult>
        <Link to="/sign-in" className={buttonClass('primary', 'lg', 'btn-block')}>
          Back to sign in
        </Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Signing you in…">
      <div className="center">
        <Spinner size="lg" label="Signing you in" />
      </div>
    </AuthLayout>
  );
}
