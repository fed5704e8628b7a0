import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  formErrorsFrom,
  missingFields,
  NO_ERRORS,
  type FormErrors,
} from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { AuthLayout } from '../components/auth-layout.tsx';
import { OAuthButtons } from '../components/oauth-buttons.tsx';
import { useSignIn } from '../hooks/use-auth-mutations.ts';
import { safeNextPath } from '../safe-next.ts';

const LABELS = { email: 'Email or username', password: 'Password' };

/** What other pages may pass in the location state when they send the user here. */
export interface SignInNotice {
  sessionExpired?: boolean;
  notice?: string;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const notice = (location.state ?? {}) as SignInNotice;
  const next = safeNextPath(params.get('next'));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const signIn = useSignIn();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['email', 'password'] as const);
    const missing = missingFields(values, LABELS);
    setErrors(missing);
    if (Object.keys(missing.fields).length > 0) {
      return;
    }
    // On success <GuestOnly> sees the new session and redirects to `next`.
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };

  const signUpHref = next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`;
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to continue to your workspace."
      footer={
        <p>
          New here? <Link to={signUpHref}>Create an account</Link>
        </p>
      }
    >
      {notice.sessionExpired && !errors.banner ? (
        <Banner tone="info">Your session has ended. Sign in again to continue.</Banner>
      ) : null}
      {notice.notice && !errors.banner ? <Banner tone="success">{notice.notice}</Banner> : null}
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="email"
          label={LABELS.email}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={errors.fields.email}
        />
        <Field
          name="password"
          label={LABELS.password}
          type="password"
          autoComplete="current-password"
          error={errors.fields.password}
          labelAside={
            <Link to="/forgot-password" className="field-aside-link">
              Forgot password?
            </Link>
          }
        />
        <Button type="submit" variant="primary" size="lg" block isLoading={signIn.isPending}>
          Sign in
        </Button>
      </form>
      <OAuthButtons next={next} />
    </AuthLayout>
  );
}
