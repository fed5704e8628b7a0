import { useEffect, useRef } from 'react';

/** What the task screens do on their single-key shortcuts; leave out what a screen lacks. */
export interface TaskKeyboardActions {
  /** `c`: create a task. */
  onCreate?: () => void;
  /** `/`: focus the search box. */
  onSearch?: () => void;
  /** `j`: select the next task. */
  onNext?: () => void;
  /** `k`: select the previous task. */
  onPrevious?: () => void;
  /** `Enter`: open the selected task. */
  onOpen?: () => void;
  /** `Escape`: close what is open (drawer), or clear the selection. */
  onClose?: () => void;
  /** `x`: select or unselect the task under the cursor (the list's multi-select). */
  onToggleSelect?: () => void;
}

/** True while the user types: keys then belong to the field, not to the shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  );
}

/** A modal dialog (create task, confirm, command palette) owns the keyboard while open. */
function isModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * The shortcuts of the board and the list: `c` create, `/` search, `j`/`k` move the selection,
 * `Enter` open, `Esc` close. Keys typed into fields, with modifiers (Ctrl+K belongs to the
 * command palette) or while a dialog is open are left alone. `Enter` on a focused button or link
 * keeps its own meaning.
 */
export function useTaskKeyboard(actions: TaskKeyboardActions, enabled = true): void {
  // The latest handlers without re-subscribing on every render.
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
        return;
      }
      if (isTypingTarget(event.target) || isModalOpen()) {
        return;
      }
      const current = ref.current;
      const handler = pickHandler(event, current);
      if (handler) {
        event.preventDefault();
        handler();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

function pickHandler(event: KeyboardEvent, actions: TaskKeyboardActions): (() => void) | undefined {
  switch (event.key) {
    case 'c':
    case 'C':
      return event.shiftKey ? undefined : actions.onCreate;
    case '/':
      return actions.onSearch;
    case 'j':
      return actions.onNext;
    case 'k':
      return actions.onPrevious;
    case 'x':
      return actions.onToggleSelect;
    case 'Enter':
      return isActivatable(event.target) ? undefined : actions.onOpen;
    case 'Escape':
      return actions.onClose;
    default:
      return undefined;
  }
}

/** Buttons and links answer Enter themselves. */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], [role="button"]') !== null;
}
