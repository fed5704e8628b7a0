import { Link } from 'react-router';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { CheckCircleIcon } from '../../../shared/ui/icons.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useSignedInUser } from '../../auth/hooks/use-session.ts';
import { useOrganizations } from '../../organizations/current-organization.tsx';
import { useProjectList } from '../../projects/hooks/use-projects.ts';
import type { Project } from '../../projects/project.types.ts';
import { DueCell, humanizeStatus, PriorityCell, statusStyle } from '../components/list/list-cells.tsx';
import { useMyWork } from '../hooks/use-my-work.ts';
import { useTaskLiveUpdates } from '../hooks/use-task-live-updates.ts';
import { MY_WORK_GROUPS, type MyWorkGroupKey } from '../my-work.api.ts';
import type { Task } from '../task.types.ts';

const GROUP_LABELS: Record<MyWorkGroupKey, string> = {
  overdue: 'Overdue',
  today: 'Today',
  this_week: 'This week',
  later: 'Later',
  no_date: 'No date',
};

function MyWorkRow({ task, project }: { task: Task; project: Project | undefined }) {
  const status = project?.settings.workflow.statuses.find((s) => s.key === task.status);
  return (
    <li className="my-work-row">
      <span className="my-work-project" title={project?.name}>
        {task.key.slice(0, task.key.lastIndexOf('-'))}
      </span>
      <Link to={`/tasks/${encodeURIComponent(task.key)}`} className="my-work-title">
        <span className="my-work-key">{task.key}</span>
        {task.title}
      </Link>
      <span className={`status-pill status-category-${task.status_category}`} style={statusStyle(status)}>
        <span className="status-pill-dot" aria-hidden="true" />
        <span className="status-pill-text">{status?.name ?? humanizeStatus(task.status)}</span>
      </span>
      <PriorityCell priority={task.priority} />
      <span className="my-work-due">
        <DueCell task={task} />
      </span>
    </li>
  );
}

function MyWorkSkeleton() {
  return (
    <div className="my-work-group" aria-busy="true" aria-label="Loading your tasks">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="my-work-row">
          <Skeleton width={36} />
          <Skeleton width={`${40 + ((i * 13) % 30)}%`} />
          <Skeleton width={70} height={20} />
        </div>
      ))}
    </div>
  );
}

/** Everything assigned to me across projects, by when it is due. */
export function MyWorkPage() {
  const me = useSignedInUser();
  const work = useMyWork();
  const { current } = useOrganizations();
  const projects = useProjectList({ organization_id: current?.id ?? '' });
  const projectById = new Map(
    (projects.data?.pages.flatMap((page) => page.items) ?? []).map((project) => [project.id, project]),
  );
  useTaskLiveUpdates(`user:${me.id}`);

  const groups = MY_WORK_GROUPS.map((key) => ({
    key,
    tasks: work.data?.groups.find((group) => group.key === key)?.tasks ?? [],
  })).filter((group) => group.tasks.length > 0);

  return (
    <Page
      title="My work"
      description="Open tasks assigned to you in every project, by due date."
      width="wide"
    >
      {work.isError ? (
        <ErrorBanner
          title="We couldn't load your tasks"
          error={work.error}
          onRetry={() => void work.refetch()}
        />
      ) : null}
      {work.isPending ? <MyWorkSkeleton /> : null}
      {work.data?.truncated ? (
        <Banner tone="info" title="Showing your 500 most urgent tasks">
          Tasks due furthest away are left out; open a project's list to see all of them.
        </Banner>
      ) : null}
      {work.isSuccess && groups.length === 0 ? (
        <div className="table-card">
          <EmptyState
            icon={<CheckCircleIcon size={22} />}
            title="Nothing assigned to you"
            description="Open tasks assigned to you in any project show up here, grouped by due date."
            actions={
              <Link to="/projects" className={buttonClass('secondary')}>
                Browse projects
              </Link>
            }
          />
        </div>
      ) : null}
      {groups.map((group) => (
        <section key={group.key} className="my-work-group" aria-labelledby={`my-work-${group.key}`}>
          <h2 id={`my-work-${group.key}`} className={`my-work-heading my-work-heading-${group.key}`}>
            {GROUP_LABELS[group.key]}
            <span className="my-work-count">{group.tasks.length}</span>
          </h2>
          <ul className="my-work-list">
            {group.tasks.map((task) => (
              <MyWorkRow key={task.id} task={task} project={projectById.get(task.project_id)} />
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
