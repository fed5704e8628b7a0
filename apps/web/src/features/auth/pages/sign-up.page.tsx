import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  formErrorsFrom,
  missingFields,
  NO_ERRORS,
  type FormErrors,
} from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import type { RegisterRequest } from '../auth.types.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { OAuthButtons } from '../components/oauth-buttons.tsx';
import { useSignUp } from '../hooks/use-auth-mutations.ts';
import { safeNextPath } from '../safe-next.ts';
import type { SignInNotice } from './sign-in.page.tsx';

const LABELS = {
  email: 'Email',
  username: 'Username',
  first_name: 'First name',
  last_name: 'Last name',
  password: 'Password',
};
const REQUIRED = { email: LABELS.email, username: LABELS.username, password: LABELS.password };
const NAMES = ['email', 'username', 'first_name', 'last_name', 'password'] as const;

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const signUp = useSignUp();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, NAMES);
    const missing = missingFields(values, REQUIRED);
    setErrors(missing);
    if (Object.keys(missing.fields).length > 0) {
      return;
    }
    const body: RegisterRequest = {
      email: values.email.trim(),
      username: values.username.trim(),
      password: values.password,
    };
    if (values.first_name.trim()) {
      body.first_name = values.first_name.trim();
    }
    if (values.last_name.trim()) {
      body.last_name = values.last_name.trim();
    }
    signUp.mutate(body, {
      onSuccess: ({ tokens }) => {
        // Signed in: <GuestOnly> takes over. Otherwise the account exists; sign in by hand.
        if (!tokens) {
          const state: SignInNotice = { notice: 'Your account is ready. Sign in to continue.' };
          void navigate('/sign-in', { state });
        }
      },
      onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
    });
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Plan projects, track tasks and ship together."
      footer={
        <p>
          Already have an account?{' '}
          <Link to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
        </p>
      }
    >
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Create account">
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <div className="form-row">
          <Field
            name="first_name"
            label={LABELS.first_name}
            autoComplete="given-name"
            optional
            error={errors.fields.first_name}
            autoFocus
          />
          <Field
            name="last_name"
            label={LABELS.last_name}
            autoComplete="family-name"
            optional
            error={errors.fields.last_name}
          />
        </div>
        <Field
          name="email"
          label={LABELS.email}
          type="email"
          autoComplete="email"
          defaultValue={params.get('email') ?? ''}
          error={errors.fields.email}
        />
        <Field
          name="username"
          label={LABELS.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.fields.username}
        />
        <Field
          name="password"
          label={LABELS.password}
          type="password"
          autoComplete="new-password"
          error={errors.fields.password}
          hint="At least 8 characters. A long passphrase is best; common passwords are refused."
        />
        <Button type="submit" variant="primary" size="lg" block isLoading={signUp.isPending}>
          Create account
        </Button>
      </form>
      <OAuthButtons next={next} />
    </AuthLayout>
  );
}
