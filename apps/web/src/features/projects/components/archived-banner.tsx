import { describeError } from '../../../shared/api/problem.ts';
import { Banner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useRestoreProject } from '../hooks/use-project-mutations.ts';
import { canManageProject } from '../project-labels.ts';
import type { Project } from '../project.types.ts';

/** Archived projects are read-only; admins can bring them back from here. */
export function ArchivedBanner({ project }: { project: Project }) {
  const restore = useRestoreProject(project.id);
  const toast = useToast();
  const onRestore = () =>
    restore.mutate(undefined, {
      onSuccess: () => toast.show(`Restored ${project.name}`),
      onError: (error) => toast.show(describeError(error), 'error'),
    });
  return (
    <Banner
      tone="info"
      title="This project is archived"
      action={
        canManageProject(project.my_role) ? (
          <Button size="sm" onClick={onRestore} isLoading={restore.isPending}>
            Restore
          </Button>
        ) : null
      }
    >
      It's read-only: nothing in it can change until an admin restores it.
    </Banner>
  );
}
