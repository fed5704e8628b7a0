import { describeError } from '../../../shared/api/problem.ts';
import { Button, type ButtonVariant } from '../../../shared/ui/button.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useResendVerification } from '../hooks/use-auth-mutations.ts';

/** Sends the verification email again; the outcome is reported in a toast. */
export function ResendVerificationButton({
  email,
  variant = 'secondary',
}: {
  email: string;
  variant?: ButtonVariant;
}) {
  const resend = useResendVerification();
  const toast = useToast();
  const onClick = () =>
    resend.mutate(undefined, {
      onSuccess: () => toast.show(`We sent a new link to ${email}.`),
      onError: (error) => toast.show(describeError(error), 'error'),
    });
  return (
    <Button
      size="sm"
      variant={variant}
      isLoading={resend.isPending}
      disabled={resend.isSuccess}
      onClick={onClick}
    >
      {resend.isSuccess ? 'Email sent' : 'Resend email'}
    </Button>
  );
}
