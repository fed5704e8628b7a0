import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { asSentence } from '../../../shared/api/problem.ts';
import {
  formErrorsFrom,
  missingFields,
  NO_ERRORS,
  type FormErrors,
} from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button, buttonClass } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { AuthLayout } from '../components/auth-layout.tsx';
import { useResetPassword } from '../hooks/use-auth-mutations.ts';
import type { SignInNotice } from './sign-in.page.tsx';

const LABELS = { password: 'New password', confirm_password: 'Confirm new password' };

/** The landing page of the link in the password-reset email. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [tokenError, setTokenError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const reset = useResetPassword();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['password', 'confirm_password'] as const);
    const missing = missingFields(values, LABELS);
    setErrors(missing);
    if (Object.keys(missing.fields).length > 0 || !token) {
      return;
    }
    if (values.password !== values.confirm_password) {
      setErrors({ fields: { confirm_password: "The passwords don't match" }, banner: null });
      return;
    }
    reset.mutate(
      { token, password: values.password },
      {
        onSuccess: () => {
          const state: SignInNotice = { notice: 'Your password has been changed. Sign in with the new one.' };
          void navigate('/sign-in', { replace: true, state });
        },
        onError: (error) => {
          const { token: badToken, ...fields } = formErrorsFrom(error, {
            ...LABELS,
            token: 'The link',
          }).fields;
          setTokenError(badToken ?? null);
          setErrors({ fields, banner: formErrorsFrom(error, LABELS).banner });
        },
      },
    );
  };

  if (!token || tokenError) {
    return (
      <AuthLayout title="Reset your password">
        <Banner tone="error" title="This reset link doesn't work">
          {asSentence(tokenError ?? 'The link is incomplete')} Reset links work once and expire after a while;
          ask for a new one.
        </Banner>
        <Link to="/forgot-password" className={buttonClass('primary', 'lg', 'btn-block')}>
          Send a new link
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Pick something you don't use anywhere else."
      footer={
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="password"
          label={LABELS.password}
          type="password"
          autoComplete="new-password"
          autoFocus
          error={errors.fields.password}
          hint="At least 8 characters. A long passphrase is best."
        />
        <Field
          name="confirm_password"
          label={LABELS.confirm_password}
          type="password"
          autoComplete="new-password"
          error={errors.fields.confirm_password}
        />
        <Button type="submit" variant="primary" size="lg" block isLoading={reset.isPending}>
          Set new password
        </Button>
      </form>
    </AuthLayout>
  );
}
