import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { ConfirmDialog } from '../../../shared/ui/dialog.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useArchiveProject, useDeleteProject, useRestoreProject } from '../hooks/use-project-mutations.ts';
import type { Project } from '../project.types.ts';

/** Archive or restore, and delete: the steps that change what everyone else can do. */
export function ProjectLifecycleCard({ project }: { project: Project }) {
  const [confirming, setConfirming] = useState<'archive' | 'delete' | null>(null);
  const archive = useArchiveProject(project.id);
  const restore = useRestoreProject(project.id);
  const remove = useDeleteProject(project.id);
  const toast = useToast();
  const navigate = useNavigate();
  const isArchived = project.status === 'archived';
  const failed = (error: unknown) => toast.show(describeError(error), 'error');

  const onArchive = () =>
    archive.mutate(undefined, {
      onSuccess: () => {
        setConfirming(null);
        toast.show(`Archived ${project.name}`);
      },
      onError: failed,
    });
  const onRestore = () =>
    restore.mutate(undefined, { onSuccess: () => toast.show(`Restored ${project.name}`), onError: failed });
  const onDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.show(`Deleted ${project.name}`);
        void navigate('/projects', { replace: true });
      },
      onError: failed,
    });

  return (
    <Card title="Archive and delete" className="danger-card">
      <div className="setting-row">
        <div>
          <p className="setting-title">{isArchived ? 'Restore project' : 'Archive project'}</p>
          <p className="setting-description">
            {isArchived
              ? 'Make the project editable again, with the status it had before.'
              : 'Hide the project from the default list and make it read-only. You can restore it any time.'}
          </p>
        </div>
        {isArchived ? (
          <Button onClick={onRestore} isLoading={restore.isPending}>
            Restore
          </Button>
        ) : (
          <Button variant="danger" onClick={() => setConfirming('archive')}>
            Archive
          </Button>
        )}
      </div>
      <div className="setting-row">
        <div>
          <p className="setting-title">Delete project</p>
          <p className="setting-description">Remove the project, its milestones and memberships for good.</p>
        </div>
        <Button variant="danger" onClick={() => setConfirming('delete')}>
          Delete
        </Button>
      </div>
      <ConfirmDialog
        open={confirming === 'archive'}
        title={`Archive ${project.name}?`}
        confirmLabel="Archive project"
        isPending={archive.isPending}
        onConfirm={onArchive}
        onClose={() => setConfirming(null)}
      >
        Nobody can change it until it's restored. Members can still open and read it.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        title={`Delete ${project.name}?`}
        confirmLabel="Delete project"
        isPending={remove.isPending}
        onConfirm={onDelete}
        onClose={() => setConfirming(null)}
      >
        This deletes the project with its milestones and memberships. It can't be undone; archive it instead
        to keep its history.
      </ConfirmDialog>
    </Card>
  );
}
