import { useRef, useState, type FormEvent } from 'react';
import type { Task } from '../task.types.ts';

interface TaskTitleEditorProps {
  task: Task;
  canEdit: boolean;
  onSave: (base: Task, title: string, onDone: (isSaved: boolean) => void) => void;
}

/** The title as a heading; a click (or Enter on it) edits it in place, Enter saves, Esc cancels. */
export function TaskTitleEditor({ task, canEdit, onSave }: TaskTitleEditorProps) {
  // The version the edit started from: saving it after someone else's change is refused.
  const [base, setBase] = useState<Task | null>(null);
  const [draft, setDraft] = useState('');
  const [isSaving, setSaving] = useState(false);
  // Enter submits, and the input then loses focus (disabled): one save, not two.
  const submitted = useRef(false);

  if (!base || !canEdit) {
    return (
      <h2 className="task-title">
        {canEdit ? (
          <button
            type="button"
            className="task-title-button"
            aria-label={`Title: ${task.title}. Edit`}
            onClick={() => {
              submitted.current = false;
              setBase(task);
              setDraft(task.title);
            }}
          >
            {task.title}
          </button>
        ) : (
          task.title
        )}
      </h2>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submitted.current) {
      return;
    }
    submitted.current = true;
    const title = draft.trim();
    if (!title || title === base.title) {
      setBase(null);
      return;
    }
    setSaving(true);
    onSave(base, title, () => {
      setSaving(false);
      setBase(null);
    });
  };

  return (
    <form className="task-title-form" onSubmit={submit}>
      <input
        className="input task-title-input"
        aria-label="Title"
        value={draft}
        maxLength={255}
        disabled={isSaving}
        // Focus where the click was: the user asked to edit.
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onBlur={submit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            submitted.current = true;
            setBase(null);
          }
        }}
      />
    </form>
  );
}
