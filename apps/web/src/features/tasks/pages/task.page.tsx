import { useParams } from 'react-router';
import { pageTitle } from '../../../shared/brand.ts';
import { TaskDetail } from '../components/task-detail.tsx';
import { useTask } from '../hooks/use-tasks.ts';

/** `/tasks/:taskRef`: one task on its own page, for links from anywhere. */
export function TaskPage() {
  const { taskRef = '' } = useParams();
  const task = useTask(taskRef);
  return (
    <div className="page page-wide task-page">
      <title>{pageTitle(task.data ? `${task.data.key} ${task.data.title}` : taskRef)}</title>
      <TaskDetail taskRef={taskRef} taskHref={(key) => `/tasks/${encodeURIComponent(key)}`} />
    </div>
  );
}
