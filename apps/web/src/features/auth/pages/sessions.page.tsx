import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/api/problem.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { CheckCircleIcon } from '../../../shared/ui/icons.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { listSessions } from '../auth.api.ts';
import { authKeys } from '../auth.keys.ts';
import { SessionRow } from '../components/session-row.tsx';
import { useRevokeOtherSessions } from '../hooks/use-auth-mutations.ts';

function SessionSkeleton() {
  return (
    <ul className="session-list" aria-busy="true" aria-label="Loading sessions">
      {[0, 1, 2].map((i) => (
        <li key={i} className="session-row">
          <Skeleton width={32} height={32} />
          <div className="session-main">
            <Skeleton width="40%" />
            <Skeleton width="60%" height={12} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function SessionsPage() {
  const sessions = useQuery({ queryKey: authKeys.sessions, queryFn: ({ signal }) => listSessions(signal) });
  const revokeOthers = useRevokeOtherSessions();
  const toast = useToast();
  // The current session first, then the most recently used.
  const sorted = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.last_used_at.localeCompare(a.last_used_at),
  );
  const others = sorted.filter((session) => !session.current).length;

  const onRevokeOthers = () =>
    revokeOthers.mutate(undefined, {
      onSuccess: () => toast.show('Signed out of every other device'),
      onError: (error) => toast.show(describeError(error), 'error'),
    });

  return (
    <Page
      title="Sessions"
      description="Devices signed in to your account. Revoke any you don't recognise."
      actions={
        <Button
          variant="danger"
          onClick={onRevokeOthers}
          isLoading={revokeOthers.isPending}
          disabled={others === 0}
        >
          Sign out everywhere else
        </Button>
      }
    >
      {sessions.isError ? (
        <ErrorBanner
          title="We couldn't load your sessions"
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
        />
      ) : (
        <Card title="Active sessions" description={sessions.data ? `${sorted.length} signed in` : undefined}>
          {sessions.isPending ? (
            <SessionSkeleton />
          ) : (
            <ul className="session-list" aria-label="Active sessions">
              {sorted.map((session) => (
                <SessionRow key={session.id} session={session} />
              ))}
            </ul>
          )}
          {sessions.isSuccess && others === 0 ? (
            <EmptyState
              compact
              icon={<CheckCircleIcon size={20} />}
              title="No other sessions"
              description="You're only signed in on this device."
            />
          ) : null}
        </Card>
      )}
    </Page>
  );
}
