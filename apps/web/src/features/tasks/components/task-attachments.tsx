import { formatRelative } from '../../../shared/format/date.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { TrashIcon } from '../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import { useRemoveAttachment } from '../hooks/use-task-mutations.ts';
import { useTaskAttachments } from '../hooks/use-tasks.ts';
import { describeTaskError } from '../task-errors.ts';
import { formatBytes } from '../task-labels.ts';
import type { Task } from '../task.types.ts';

interface TaskAttachmentsProps {
  task: Task;
  people: Map<string, UserSummary>;
  canEdit: boolean;
}

/** Files attached to the task (the files service will add uploads). */
export function TaskAttachments({ task, people, canEdit }: TaskAttachmentsProps) {
  const attachments = useTaskAttachments(task.id);
  const remove = useRemoveAttachment(task);
  const toast = useToast();
  return (
    <section className="task-section" aria-labelledby={`files-${task.id}`}>
      <header className="task-section-header">
        <h3 className="task-section-title" id={`files-${task.id}`}>
          Attachments
        </h3>
      </header>
      {attachments.isPending ? <Skeleton height={28} /> : null}
      {attachments.isError ? (
        <ErrorBanner error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : null}
      {attachments.data?.length === 0 ? (
        <p className="task-muted">No attachments. Uploading arrives with the files service.</p>
      ) : null}
      {attachments.data && attachments.data.length > 0 ? (
        <ul className="task-rows" aria-label="Attachments">
          {attachments.data.map((file) => {
            const name = file.file_name ?? 'Unnamed file';
            return (
              <li key={file.id} className="task-row">
                <span className="task-row-title">{name}</span>
                <span className="task-muted">
                  {file.size_bytes === null ? '' : `${formatBytes(file.size_bytes)} · `}
                  {people.get(file.uploaded_by)?.display_name ?? 'a former member'} ·{' '}
                  {formatRelative(file.created_at)}
                </span>
                {canEdit ? (
                  <button
                    type="button"
                    className="icon-btn task-row-end"
                    aria-label={`Remove ${name}`}
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(file.id, {
                        onSuccess: () => toast.show(`Removed ${name}`),
                        onError: (error) => toast.show(describeTaskError(error), 'error'),
                      })
                    }
                  >
                    <TrashIcon size={14} />
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
