import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { CloseIcon } from '../../../shared/ui/icons.tsx';
import { TASK_PARAM, useTaskDrawer } from '../hooks/use-task-drawer.ts';
import { useTaskKeyboard } from '../hooks/use-task-keyboard.ts';
import { TaskTimerButton } from '../../time/components/task-timer-button.tsx';
import { TaskDetail } from './task-detail.tsx';
import { TemplateSaveButton } from './template-save-button.tsx';

/**
 * The open task (`?task=WEB-42`) in a panel over the board or the list; Esc or × closes it
 * (removing the parameter), links to other tasks open them in the same panel.
 */
export function TaskDrawer() {
  const { taskRef, close } = useTaskDrawer();
  const location = useLocation();
  const panelRef = useRef<HTMLElement>(null);
  useTaskKeyboard({ onClose: close }, taskRef !== null);

  useEffect(() => {
    if (taskRef) {
      panelRef.current?.focus();
    }
  }, [taskRef]);

  if (!taskRef) {
    return null;
  }
  const taskHref = (key: string) => {
    const params = new URLSearchParams(location.search);
    params.set(TASK_PARAM, key);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <aside
      ref={panelRef}
      className="task-drawer"
      role="dialog"
      aria-modal="false"
      aria-label={`Task ${taskRef}`}
      tabIndex={-1}
    >
      <TaskDetail
        taskRef={taskRef}
        taskHref={taskHref}
        actions={
          <>
            <TaskTimerButton taskRef={taskRef} />
            <Link to={`/tasks/${encodeURIComponent(taskRef)}`} className={buttonClass('ghost', 'sm')}>
              Open as page
            </Link>
            <TemplateSaveButton taskRef={taskRef} />
            <button
              type="button"
              className="icon-btn"
              aria-label="Close task"
              aria-keyshortcuts="Escape"
              onClick={close}
            >
              <CloseIcon size={14} />
            </button>
          </>
        }
      />
    </aside>
  );
}
