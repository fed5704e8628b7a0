import { useId, useState, type KeyboardEvent } from 'react';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { Spinner } from '../../../shared/ui/spinner.tsx';
import { useTask, useTaskSearch } from '../hooks/use-tasks.ts';
import type { Task } from '../task.types.ts';

const TASK_KEY = /^[a-z][a-z0-9]*-\d+$/i;

interface TaskPickerProps {
  label: string;
  /** Search within one project (a parent); without it, every project the caller sees. */
  projectId?: string | undefined;
  /** Tasks that cannot be picked (the task itself, those already linked). */
  excludeIds?: ReadonlySet<string>;
  onPick: (task: Task) => void;
  placeholder?: string;
  autoFocus?: boolean;
}

/** Finds a task by words of its title or description (or its key) and picks it: an ARIA combobox. */
export function TaskPicker({
  label,
  projectId,
  excludeIds,
  onPick,
  placeholder,
  autoFocus,
}: TaskPickerProps) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text, 200);
  const search = useTaskSearch(q, projectId);
  // "WEB-42" finds that task even though the search covers titles and descriptions only.
  const keyRef = TASK_KEY.test(q.trim()) ? q.trim().toUpperCase() : null;
  const byKey = useTask(keyRef);
  const listId = useId();
  const exact = byKey.data && (!projectId || byKey.data.project_id === projectId) ? [byKey.data] : [];
  const results = [...exact, ...(search.data?.items ?? []).filter((t) => t.id !== exact[0]?.id)].filter(
    (t) => !excludeIds?.has(t.id),
  );
  const isOpen = text.trim() !== '' && q.trim() !== '';

  const pick = (task: Task | undefined) => {
    if (task) {
      onPick(task);
      setText('');
      setActive(0);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (results.length ? (current + step + results.length) % results.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(results[active]);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      event.stopPropagation();
      setText('');
    }
  };

  return (
    <div className="task-picker">
      <input
        type="search"
        className="input input-sm"
        role="combobox"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && results[active] ? `${listId}-${results[active].id}` : undefined}
        placeholder={placeholder ?? 'Search tasks'}
        value={text}
        maxLength={200}
        autoFocus={autoFocus}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {isOpen ? (
        <ul id={listId} role="listbox" aria-label={`${label}: results`} className="task-picker-list">
          {search.isFetching && results.length === 0 ? (
            <li className="task-picker-note">
              <Spinner size="sm" /> Searching…
            </li>
          ) : null}
          {!search.isFetching && results.length === 0 ? (
            <li className="task-picker-note">No matching tasks</li>
          ) : null}
          {results.map((task, index) => (
            <li
              key={task.id}
              id={`${listId}-${task.id}`}
              role="option"
              aria-selected={index === active}
              className={
                index === active ? 'task-picker-option task-picker-option-active' : 'task-picker-option'
              }
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(task)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="task-card-key">{task.key}</span>
              <span className="task-picker-title">{task.title}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
