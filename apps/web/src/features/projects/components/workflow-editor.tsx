import { useEffect, useRef, useState } from 'react';
import { ApiError, describeError } from '../../../shared/api/problem.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { PlusIcon } from '../../../shared/ui/icons.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateProject } from '../hooks/use-project-mutations.ts';
import type { Project } from '../project.types.ts';
import {
  draftFrom,
  isWorkflowChanged,
  MAX_STATUSES,
  MIN_STATUSES,
  moveStatus,
  newDraftStatus,
  settingsFrom,
  workflowProblems,
  type DraftStatus,
} from '../workflow-draft.ts';
import { WorkflowStatusRow } from './workflow-status-row.tsx';

/**
 * The ordered statuses a project's tasks move through. Edits stay local until saved; the whole
 * list is sent at once (`settings` replaces the saved object). Keyed by version by the caller.
 */
export function WorkflowEditor({ project }: { project: Project }) {
  const [statuses, setStatuses] = useState<DraftStatus[]>(() => draftFrom(project.settings));
  const [showProblems, setShowProblems] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const update = useUpdateProject(project.id);
  const toast = useToast();
  const isArchived = project.status === 'archived';
  const problems = workflowProblems(statuses);
  const isChanged = isWorkflowChanged(statuses, project.settings);

  // Reordering moves DOM nodes, which drops focus; put it back where the keyboard user was.
  useEffect(() => {
    if (focusTarget) {
      listRef.current?.querySelector<HTMLElement>(focusTarget)?.focus();
      setFocusTarget(null);
    }
  }, [focusTarget]);

  const change = (id: string, patch: Partial<DraftStatus>) =>
    setStatuses((current) => current.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  const move = (index: number, delta: -1 | 1) => {
    const id = statuses[index]?.id;
    setStatuses((current) => moveStatus(current, index, delta));
    const target = index + delta;
    const edge = target === 0 || target === statuses.length - 1;
    const button = edge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    setFocusTarget(`[data-status-id="${id}"] [data-move="${button}"]`);
  };
  const remove = (index: number) => {
    const neighbour = statuses[index + 1] ?? statuses[index - 1];
    setStatuses((current) => current.filter((_, i) => i !== index));
    setFocusTarget(neighbour ? `[data-status-id="${neighbour.id}"] input` : null);
  };
  const add = () => {
    const status = newDraftStatus('todo');
    setStatuses((current) => [...current, status]);
    setFocusTarget(`[data-status-id="${status.id}"] input`);
  };

  const save = () => {
    setShowProblems(true);
    setServerError(null);
    if (problems.size > 0) {
      return;
    }
    update.mutate(
      { version: project.version, settings: settingsFrom(statuses, project.settings) },
      {
        onSuccess: () => toast.show('Workflow saved'),
        onError: (error) =>
          setServerError(
            error instanceof ApiError && error.status === 409
              ? 'Someone else changed this project meanwhile. We loaded their version; make your change again.'
              : describeError(error),
          ),
      },
    );
  };

  return (
    <div className="workflow-editor">
      {serverError ? <ErrorBanner error={serverError} /> : null}
      {showProblems && problems.get('') ? <ErrorBanner error={problems.get('')} /> : null}
      <ol ref={listRef} className="workflow-list" aria-label="Workflow statuses">
        {statuses.map((status, index) => (
          <WorkflowStatusRow
            key={status.id}
            status={status}
            position={index + 1}
            count={statuses.length}
            disabled={isArchived}
            problem={showProblems ? problems.get(status.id) : undefined}
            canRemove={statuses.length > MIN_STATUSES}
            onChange={(patch) => change(status.id, patch)}
            onMove={(delta) => move(index, delta)}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      <div className="form-actions">
        <Button
          size="sm"
          variant="ghost"
          onClick={add}
          disabled={isArchived || statuses.length >= MAX_STATUSES}
        >
          <PlusIcon size={14} />
          Add status
        </Button>
        <span className="spacer" />
        {isChanged ? (
          <Button
            variant="ghost"
            onClick={() => {
              setStatuses(draftFrom(project.settings));
              setShowProblems(false);
              setServerError(null);
            }}
          >
            Discard
          </Button>
        ) : null}
        <Button
          variant="primary"
          onClick={save}
          disabled={!isChanged || isArchived}
          isLoading={update.isPending}
        >
          Save workflow
        </Button>
      </div>
    </div>
  );
}
