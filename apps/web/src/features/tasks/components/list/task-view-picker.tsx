import { useState } from 'react';
import { describeError } from '../../../../shared/api/problem.ts';
import { ConfirmDialog } from '../../../../shared/ui/dialog.tsx';
import {
  ChevronDownIcon,
  LayersIcon,
  PencilIcon,
  PlusIcon,
  TrashIcon,
  UsersIcon,
} from '../../../../shared/ui/icons.tsx';
import { MenuButton, type MenuItem } from '../../../../shared/ui/menu-button.tsx';
import { useToast } from '../../../../shared/ui/toast.tsx';
import { useSignedInUser } from '../../../auth/hooks/use-session.ts';
import type { Project } from '../../../projects/project.types.ts';
import {
  useCreateTaskView,
  useDeleteTaskView,
  useTaskViews,
  useUpdateTaskView,
} from '../../hooks/use-task-views.ts';
import { cleanFilters, isSameQuery, writeFilters } from '../../task-list-filters.ts';
import type { TaskSort, TaskView, TaskViewFilters } from '../../task.types.ts';
import { SaveViewDialog, type SaveViewValues } from './save-view-dialog.tsx';

type Layout = TaskView['layout'];

/** The address a view opens at: its layout's page with its filters, sort and id in the query. */
export function viewHref(view: TaskView): string {
  const params = writeFilters(
    new URLSearchParams({ view: view.id }),
    cleanFilters(view.filters),
    view.sort ?? undefined,
  );
  return `/projects/${view.project_id}/${view.layout}?${params.toString()}`;
}

interface TaskViewPickerProps {
  project: Project;
  layout: Layout;
  /** The view the URL names (`?view=`), if it still exists. */
  currentViewId: string | null;
  filters: TaskViewFilters;
  sort: TaskSort;
  /** After a view is saved or deleted: the URL should name it (or nothing). */
  onCurrentViewChange: (view: TaskView | null) => void;
}

type Editing =
  { kind: 'new' } | { kind: 'rename'; view: TaskView } | { kind: 'delete'; view: TaskView } | null;

/** Saved views of a project: pick one, save the current filters as one, rename or delete it. */
export function TaskViewPicker({
  project,
  layout,
  currentViewId,
  filters,
  sort,
  onCurrentViewChange,
}: TaskViewPickerProps) {
  const me = useSignedInUser();
  const toast = useToast();
  const views = useTaskViews(project.id);
  const create = useCreateTaskView(project.id);
  const update = useUpdateTaskView(project.id);
  const remove = useDeleteTaskView(project.id);
  const [editing, setEditing] = useState<Editing>(null);

  const current = views.data?.find((view) => view.id === currentViewId) ?? null;
  const canEdit = (view: TaskView) => view.owner_id === me.id || (view.shared && project.my_role === 'admin');
  const isModified =
    current !== null &&
    !isSameQuery(
      { filters: cleanFilters(current.filters), sort: current.sort ?? undefined },
      { filters, sort },
    );
  const sortToSave = sort === 'rank' ? null : sort;

  const saveNew = async ({ name, shared }: SaveViewValues) => {
    const view = await create.mutateAsync({ name, shared, layout, filters, sort: sortToSave });
    toast.show(`Saved view ${view.name}`);
    onCurrentViewChange(view);
  };
  const saveChanges = (view: TaskView) => {
    update.mutate(
      { id: view.id, body: { filters, sort: sortToSave, layout } },
      {
        onSuccess: (saved) => toast.show(`Updated view ${saved.name}`),
        onError: (error) => toast.show(describeError(error), 'error'),
      },
    );
  };

  const items: MenuItem[] = [
    { key: 'all', label: 'All tasks', icon: <LayersIcon />, to: `/projects/${project.id}/${layout}` },
    ...(views.data ?? []).map((view) => ({
      key: view.id,
      label: `${view.name}${view.layout === layout ? '' : ` (${view.layout})`}`,
      icon: view.shared ? <UsersIcon /> : <LayersIcon />,
      to: viewHref(view),
    })),
    {
      key: 'save-new',
      label: 'Save as new view…',
      icon: <PlusIcon />,
      onSelect: () => setEditing({ kind: 'new' }),
    },
  ];
  if (current && canEdit(current)) {
    if (isModified) {
      items.push({
        key: 'save-changes',
        label: `Save changes to ${current.name}`,
        icon: <PencilIcon />,
        onSelect: () => saveChanges(current),
      });
    }
    items.push(
      {
        key: 'rename',
        label: 'Rename or share…',
        icon: <PencilIcon />,
        onSelect: () => setEditing({ kind: 'rename', view: current }),
      },
      {
        key: 'delete',
        label: 'Delete view',
        icon: <TrashIcon />,
        tone: 'danger',
        onSelect: () => setEditing({ kind: 'delete', view: current }),
      },
    );
  }

  return (
    <div className="view-picker">
      <MenuButton
        menuLabel="Views"
        className="view-picker-menu"
        items={items}
        header={views.isError ? <span className="faint">We couldn't load saved views.</span> : undefined}
        trigger={
          <span className="view-picker-trigger">
            <span className="view-picker-name">{current?.name ?? 'All tasks'}</span>
            {isModified ? <span className="view-picker-modified">edited</span> : null}
            <ChevronDownIcon size={14} />
          </span>
        }
      />
      <SaveViewDialog
        open={editing?.kind === 'new'}
        title="Save view"
        submitLabel="Save view"
        initial={{ name: '', shared: false }}
        canShare={project.my_role !== 'viewer'}
        onSubmit={saveNew}
        onClose={() => setEditing(null)}
      />
      {editing?.kind === 'rename' ? (
        <SaveViewDialog
          open
          title="Rename view"
          submitLabel="Save"
          initial={{ name: editing.view.name, shared: editing.view.shared }}
          canShare={project.my_role !== 'viewer'}
          onSubmit={(values) => update.mutateAsync({ id: editing.view.id, body: values })}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={editing?.kind === 'delete'}
        title="Delete view?"
        confirmLabel="Delete view"
        isPending={remove.isPending}
        onClose={() => setEditing(null)}
        onConfirm={() => {
          if (editing?.kind !== 'delete') {
            return;
          }
          const { view } = editing;
          remove.mutate(view.id, {
            onSuccess: () => {
              toast.show(`Deleted view ${view.name}`);
              setEditing(null);
              onCurrentViewChange(null);
            },
            onError: (error) => toast.show(describeError(error), 'error'),
          });
        }}
      >
        {editing?.kind === 'delete'
          ? `“${editing.view.name}” goes away${editing.view.shared ? ' for everyone in the project' : ''}. The tasks stay as they are.`
          : null}
      </ConfirmDialog>
    </div>
  );
}
