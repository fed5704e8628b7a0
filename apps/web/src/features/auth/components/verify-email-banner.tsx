import { Banner } from '../../../shared/ui/banner.tsx';
import type { User } from '../auth.types.ts';
import { ResendVerificationButton } from './resend-verification-button.tsx';

/** Asks the user to confirm their address for as long as it is unconfirmed. */
export function VerifyEmailBanner({ user }: { user: User }) {
  if (user.email_verified) {
    return null;
  }
  return (
    <Banner tone="warning" title="Verify your email" action={<ResendVerificationButton email={user.email} />}>
      We sent a link to <strong>{user.email}</strong>. Open it to confirm your address; check your spam folder
      if it hasn't arrived.
    </Banner>
  );
}
