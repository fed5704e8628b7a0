import { useState } from 'react';
import { describeError } from '../../../shared/api/problem.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { ConfirmDialog } from '../../../shared/ui/dialog.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { LayersIcon } from '../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { Project } from '../../projects/project.types.ts';
import { useDeleteTaskTemplate, useTaskTemplates, useTemplateRights } from '../hooks/use-task-templates.ts';
import type { TaskTemplate } from '../task-templates.api.ts';
import { TemplateEditDialog } from './template-edit-dialog.tsx';
import { TemplateRow } from './template-row.tsx';

type Action = { kind: 'none' } | { kind: 'edit' | 'delete'; template: TaskTemplate };

function TemplatesSkeleton() {
  return (
    <ul className="milestone-list" aria-busy="true" aria-label="Loading task templates">
      {[0, 1].map((i) => (
        <li key={i} className="milestone-row">
          <div className="milestone-main">
            <Skeleton width={`${40 + i * 15}%`} />
          </div>
          <Skeleton width={120} height={20} />
        </li>
      ))}
    </ul>
  );
}

/** The task templates usable in the project (its own and the organization's), for settings. */
export function TaskTemplatesCard({ project }: { project: Project }) {
  const templates = useTaskTemplates(project.id);
  const rights = useTemplateRights(project);
  const remove = useDeleteTaskTemplate();
  const toast = useToast();
  const [action, setAction] = useState<Action>({ kind: 'none' });
  const close = () => setAction({ kind: 'none' });
  const items = templates.data ?? [];

  const confirmDelete = (template: TaskTemplate) =>
    remove.mutate(template.id, {
      onSuccess: () => toast.show(`Deleted ${template.name}`),
      onError: (error) => toast.show(describeError(error), 'error'),
      onSettled: close,
    });

  return (
    <Card
      title="Task templates"
      description="Reusable tasks with their sub-tasks. Save one from a task's drawer; pick it when creating a task."
    >
      {templates.isError ? (
        <ErrorBanner
          title="We couldn't load the task templates"
          error={templates.error}
          onRetry={() => void templates.refetch()}
        />
      ) : null}
      {templates.isPending ? <TemplatesSkeleton /> : null}
      {templates.isSuccess && items.length === 0 ? (
        <EmptyState
          compact
          iconTone="neutral"
          icon={<LayersIcon size={18} />}
          title="No task templates yet"
          description='Open a task and choose "Save as template" to reuse it with its sub-tasks.'
        />
      ) : null}
      {items.length > 0 ? (
        <ul className="milestone-list" aria-label="Task templates">
          {items.map((template) => (
            <TemplateRow
              key={template.id}
              template={template}
              mayEdit={rights.mayEdit(template)}
              onEdit={(t) => setAction({ kind: 'edit', template: t })}
              onDelete={(t) => setAction({ kind: 'delete', template: t })}
            />
          ))}
        </ul>
      ) : null}
      {action.kind === 'edit' ? (
        <TemplateEditDialog key={action.template.id} template={action.template} onClose={close} />
      ) : null}
      <ConfirmDialog
        open={action.kind === 'delete'}
        title="Delete task template?"
        confirmLabel="Delete template"
        isPending={remove.isPending}
        onConfirm={() => action.kind === 'delete' && confirmDelete(action.template)}
        onClose={close}
      >
        {action.kind === 'delete' ? (
          <>
            “{action.template.name}” will no longer be offered when creating tasks
            {action.template.project_id ? '' : ' in any project of the organization'}. Tasks already made from
            it stay as they are.
          </>
        ) : null}
      </ConfirmDialog>
    </Card>
  );
}
