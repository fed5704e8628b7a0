import { useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { FlagIcon, PlusIcon } from '../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useMilestones } from '../hooks/use-projects.ts';
import type { Milestone } from '../project.types.ts';
import { MilestoneDialog } from './milestone-dialog.tsx';
import { MilestoneRow } from './milestone-row.tsx';

interface MilestonesCardProps {
  projectId: string;
  canEdit: boolean;
}

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; milestone: Milestone };

function MilestoneSkeleton() {
  return (
    <ul className="milestone-list" aria-busy="true" aria-label="Loading milestones">
      {[0, 1, 2].map((i) => (
        <li key={i} className="milestone-row">
          <Skeleton width={18} height={18} />
          <div className="milestone-main">
            <Skeleton width={`${35 + i * 12}%`} />
          </div>
          <Skeleton width={64} height={20} />
        </li>
      ))}
    </ul>
  );
}

export function MilestonesCard({ projectId, canEdit }: MilestonesCardProps) {
  const milestones = useMilestones(projectId);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const items = milestones.data ?? [];
  const done = items.filter((m) => m.status === 'completed').length;

  return (
    <Card
      title="Milestones"
      description={
        items.length > 0 ? `${done} of ${items.length} completed` : 'Checkpoints on the way to done'
      }
      actions={
        canEdit && items.length > 0 ? (
          <Button size="sm" onClick={() => setEditing({ mode: 'new' })}>
            <PlusIcon size={14} />
            Add milestone
          </Button>
        ) : null
      }
    >
      {milestones.isError ? (
        <ErrorBanner error={milestones.error} onRetry={() => void milestones.refetch()} />
      ) : null}
      {milestones.isPending ? <MilestoneSkeleton /> : null}
      {milestones.isSuccess && items.length === 0 ? (
        <EmptyState
          compact
          iconTone="neutral"
          icon={<FlagIcon size={18} />}
          title="No milestones yet"
          description={
            canEdit
              ? 'Split the project into checkpoints with due dates.'
              : 'Nobody has added milestones yet.'
          }
          actions={
            canEdit ? (
              <Button size="sm" variant="primary" onClick={() => setEditing({ mode: 'new' })}>
                <PlusIcon size={14} />
                Add milestone
              </Button>
            ) : null
          }
        />
      ) : null}
      {items.length > 0 ? (
        <ul className="milestone-list" aria-label="Milestones">
          {items.map((milestone) => (
            <MilestoneRow
              key={milestone.id}
              projectId={projectId}
              milestone={milestone}
              canEdit={canEdit}
              onEdit={(m) => setEditing({ mode: 'edit', milestone: m })}
            />
          ))}
        </ul>
      ) : null}
      <MilestoneDialog
        key={editing.mode === 'edit' ? `${editing.milestone.id}-${editing.milestone.version}` : editing.mode}
        projectId={projectId}
        milestone={editing.mode === 'edit' ? editing.milestone : undefined}
        open={editing.mode !== 'closed'}
        onClose={() => setEditing({ mode: 'closed' })}
      />
    </Card>
  );
}
