import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
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
import { MailIcon } from '../../../shared/ui/icons.tsx';
import { AuthLayout, AuthResult } from '../components/auth-layout.tsx';
import { useForgotPassword } from '../hooks/use-auth-mutations.ts';

const LABELS = { email: 'Email' };

export function ForgotPasswordPage() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const request = useForgotPassword();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['email'] as const);
    const missing = missingFields(values, LABELS);
    setErrors(missing);
    if (Object.keys(missing.fields).length > 0) {
      return;
    }
    const email = values.email.trim();
    request.mutate(email, {
      onSuccess: () => setSentTo(email),
      onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
    });
  };

  const footer = (
    <p>
      Remembered it? <Link to="/sign-in">Back to sign in</Link>
    </p>
  );

  if (sentTo) {
    return (
      <AuthLayout title="Check your inbox" footer={footer}>
        <AuthResult tone="success" icon={<MailIcon size={20} />}>
          <h2>Reset link sent</h2>
          <p>
            If an account exists for <strong>{sentTo}</strong>, an email with a link to choose a new password
            is on its way. The link works once and expires soon.
          </p>
        </AuthResult>
        <Button variant="secondary" block onClick={() => setSentTo(null)}>
          Use a different email
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the email you signed up with and we'll send you a link to choose a new password."
      footer={footer}
    >
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Reset password">
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="email"
          label={LABELS.email}
          type="email"
          autoComplete="email"
          autoFocus
          error={errors.fields.email}
        />
        <Button type="submit" variant="primary" size="lg" block isLoading={request.isPending}>
          Send reset link
        </Button>
      </form>
    </AuthLayout>
  );
}
