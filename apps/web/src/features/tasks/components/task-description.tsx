import { useState } from 'react';
import Markdown from 'react-markdown';
import { Button } from '../../../shared/ui/button.tsx';
import { PencilIcon } from '../../../shared/ui/icons.tsx';
import type { Task } from '../task.types.ts';

interface TaskDescriptionProps {
  task: Task;
  canEdit: boolean;
  onSave: (base: Task, description: string | null, onDone: (isSaved: boolean) => void) => void;
}

/** The description rendered from Markdown (raw HTML is left out, never run), or edited. */
export function TaskDescription({ task, canEdit, onSave }: TaskDescriptionProps) {
  const [base, setBase] = useState<Task | null>(null);
  const [draft, setDraft] = useState('');
  const [isSaving, setSaving] = useState(false);
  // Text of a save that failed (someone else saved first): offered back on the next edit.
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const edit = () => {
    setBase(task);
    setDraft(task.description ?? '');
  };
  const save = () => {
    if (!base) {
      return;
    }
    const description = draft.trim() ? draft : null;
    if (description === base.description) {
      setBase(null);
      return;
    }
    setSaving(true);
    onSave(base, description, (isSaved) => {
      setSaving(false);
      setBase(null);
      setUnsaved(isSaved ? null : draft);
    });
  };

  if (base) {
    return (
      <section className="task-section" aria-label="Description">
        <textarea
          className="input textarea task-description-input"
          aria-label="Description"
          value={draft}
          rows={10}
          maxLength={100_000}
          disabled={isSaving}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              save();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setBase(null);
            }
          }}
        />
        <div className="task-description-actions">
          <span className="field-hint">Markdown. Ctrl+Enter saves, Esc cancels.</span>
          {unsaved !== null && unsaved !== draft ? (
            <Button size="sm" variant="ghost" onClick={() => setDraft(unsaved)}>
              Restore my unsaved text
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => setBase(null)} disabled={isSaving}>
            Cancel
          </Button>
          <Button size="sm" variant="primary" onClick={save} isLoading={isSaving}>
            Save description
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="task-section task-description" aria-label="Description">
      {task.description ? (
        <div className="markdown">
          <Markdown skipHtml>{task.description}</Markdown>
        </div>
      ) : (
        <p className="task-muted">No description.</p>
      )}
      {canEdit ? (
        <Button size="sm" variant="ghost" onClick={edit} className="task-description-edit">
          <PencilIcon size={13} />
          {task.description ? 'Edit description' : 'Add a description'}
        </Button>
      ) : null}
    </section>
  );
}
