import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { AlertIcon, CheckCircleIcon, MailIcon } from '../../../shared/ui/icons.tsx';
import { Spinner } from '../../../shared/ui/spinner.tsx';
import { AuthLayout, AuthResult } from '../components/auth-layout.tsx';
import { useVerifyEmail } from '../hooks/use-auth-mutations.ts';
import { useHasSession } from '../hooks/use-session.ts';

/** The landing page of the link in the verification email. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const isSignedIn = useHasSession();
  const verify = useVerifyEmail();
  const started = useRef(false);

  useEffect(() => {
    // Tokens are single-use: never send one twice (React runs effects twice in development).
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  const onward = isSignedIn ? (
    <Link to="/" className={buttonClass('primary', 'lg', 'btn-block')}>
      Continue to your workspace
    </Link>
  ) : (
    <Link to="/sign-in" className={buttonClass('primary', 'lg', 'btn-block')}>
      Sign in
    </Link>
  );

  if (!token) {
    return (
      <AuthLayout title="Verify your email">
        <AuthResult tone="error" icon={<AlertIcon size={20} />}>
          <h2>This link is incomplete</h2>
          <p>Open the link from the email again, or copy the whole address into your browser.</p>
        </AuthResult>
        {onward}
      </AuthLayout>
    );
  }
  if (verify.isSuccess) {
    return (
      <AuthLayout title="Verify your email">
        <AuthResult tone="success" icon={<CheckCircleIcon size={20} />}>
          <h2>Email verified</h2>
          <p>
            Thanks! <strong>{verify.data.email}</strong> is confirmed.
          </p>
        </AuthResult>
        {onward}
      </AuthLayout>
    );
  }
  if (verify.isError) {
    return (
      <AuthLayout title="Verify your email">
        <AuthResult tone="error" icon={<AlertIcon size={20} />}>
          <h2>We couldn't verify your email</h2>
          <p>{describeError(verify.error)}</p>
          <p>
            Links work once and expire after a while.{' '}
            {isSignedIn
              ? 'You can send a new one from your home page.'
              : 'Sign in to send yourself a new one.'}
          </p>
        </AuthResult>
        {onward}
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Verify your email">
      <AuthResult tone="info" icon={<MailIcon size={20} />}>
        <h2>Verifying your email…</h2>
        <p>This takes a moment.</p>
      </AuthResult>
      <div className="center">
        <Spinner label="Verifying" />
      </div>
    </AuthLayout>
  );
}
