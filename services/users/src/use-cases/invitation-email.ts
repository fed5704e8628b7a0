import type { UsersDeps } from '../deps.ts';
import { displayName } from '../domain/roles.ts';
import type { InvitationDetails } from '../data/invitation.repository.ts';

/** The inviter's name as the accept page and the email show it. */
export function inviterNameOf(details: InvitationDetails): string {
  if (!details.inviter_username) {
    return 'A colleague';
  }
  return displayName({
    username: details.inviter_username,
    first_name: details.inviter_first_name,
    last_name: details.inviter_last_name,
  });
}

/** Names are free text: a line break must not reach a mail header. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

function messageText(details: InvitationDetails, link: string): string {
  const team = details.team_name ? ` (team ${details.team_name})` : '';
  const expires = details.expires_at.toISOString().slice(0, 10);
  return (
    `${inviterNameOf(details)} invited you to join ${details.organization_name}${team} on Seed PM as ${details.role}.\n\n` +
    `Accept the invitation here (valid until ${expires}):\n\n${link}\n\n` +
    'If you do not know this organization, ignore this message.'
  );
}

/**
 * Emails the invitation link once the transaction that stored its token has committed. The
 * invitation stands if the mail server refuses: an admin can resend it.
 */
export async function sendInvitationEmail(deps: UsersDeps, tokenHash: string, token: string): Promise<void> {
  const details = await deps.invitations.detailsByTokenHash(tokenHash);
  if (!details) {
    return;
  }
  const link = `${deps.publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
  try {
    await deps.mailer.send({
      to: details.email,
      subject: `You are invited to join ${oneLine(details.organization_name)}`,
      text: messageText(details, link),
    });
  } catch (error) {
    deps.logger.error({ err: error, invitation_id: details.id }, 'could not send invitation email');
  }
}
