import { describeError } from '../../../shared/api/problem.ts';
import { formatDate, formatDateTime, formatRelative } from '../../../shared/format/date.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { DevicesIcon } from '../../../shared/ui/icons.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { Session } from '../auth.types.ts';
import { useRevokeSession } from '../hooks/use-auth-mutations.ts';
import { describeUserAgent } from '../user-agent.ts';

/** One signed-in device, with a way to sign it out unless it is this one. */
export function SessionRow({ session }: { session: Session }) {
  const revoke = useRevokeSession();
  const toast = useToast();
  const device = describeUserAgent(session.user_agent);
  const onRevoke = () =>
    revoke.mutate(session.id, {
      onSuccess: () => toast.show(`Signed out ${device}`),
      onError: (error) => toast.show(describeError(error), 'error'),
    });

  return (
    <li className="session-row">
      <span className="session-icon">
        <DevicesIcon size={18} />
      </span>
      <div className="session-main">
        <p className="session-device">
          {device}
          {session.current ? <span className="badge badge-accent">This device</span> : null}
        </p>
        <p className="session-meta">
          {session.ip ? <span>{session.ip}</span> : null}
          <span title={formatDateTime(session.last_used_at)}>
            {session.current ? 'Active now' : `Active ${formatRelative(session.last_used_at)}`}
          </span>
          <span title={formatDateTime(session.created_at)}>Signed in {formatDate(session.created_at)}</span>
        </p>
      </div>
      {session.current ? null : (
        <Button
          size="sm"
          variant="secondary"
          isLoading={revoke.isPending}
          onClick={onRevoke}
          aria-label={`Revoke ${device} session`}
        >
          Revoke
        </Button>
      )}
    </li>
  );
}
