import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The search parameter holding the open task's key (`?task=WEB-42`). */
export const TASK_PARAM = 'task';
/** `?create=1` opens the create-task dialog on the board or the list. */
export const CREATE_PARAM = 'create';

/** The task drawer's state lives in the URL: it survives a reload and can be linked to. */
export function useTaskDrawer() {
  const [params, setParams] = useSearchParams();
  const taskRef = params.get(TASK_PARAM);
  const open = useCallback(
    (task: { key: string }) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set(TASK_PARAM, task.key);
        return next;
      }),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete(TASK_PARAM);
        return next;
      }),
    [setParams],
  );
  return { taskRef, open, close };
}

/** Whether the create dialog is open (`?create=1`), and how to open and close it. */
export function useCreateTaskParam() {
  const [params, setParams] = useSearchParams();
  const isOpen = params.get(CREATE_PARAM) === '1';
  const setOpen = useCallback(
    (open: boolean) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (open) {
          next.set(CREATE_PARAM, '1');
        } else {
          next.delete(CREATE_PARAM);
        }
        return next;
      }),
    [setParams],
  );
  return { isOpen, setOpen };
}
