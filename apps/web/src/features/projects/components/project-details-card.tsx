import type { ReactNode } from 'react';
import { formatDay } from '../../../shared/format/date.ts';
import { Card } from '../../../shared/ui/card.tsx';
import { ProgressBar } from '../../../shared/ui/progress-bar.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useProjectAnalytics } from '../hooks/use-projects.ts';
import { PROJECT_ROLE_LABELS } from '../project-labels.ts';
import type { Project } from '../project.types.ts';
import { ProjectStatusBadge } from './project-badges.tsx';

function daysLeft(days: number | null): string | null {
  if (days === null) {
    return null;
  }
  if (days === 0) {
    return 'Ends today';
  }
  const count = Math.abs(days);
  return days > 0
    ? `${count} day${count === 1 ? '' : 's'} left`
    : `Ended ${count} day${count === 1 ? '' : 's'} ago`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The sidebar of the overview: status, dates, progress and who is on the project. */
export function ProjectDetailsCard({ project, teamName }: { project: Project; teamName: string | null }) {
  const analytics = useProjectAnalytics(project.id);
  const milestones = analytics.data?.milestones;
  return (
    <Card title="Details" className="details-card">
      <dl className="detail-list">
        <Row label="Status">
          <ProjectStatusBadge status={project.status} />
        </Row>
        <Row label="Start">
          {project.start_date ? formatDay(project.start_date) : <span className="muted">Not set</span>}
        </Row>
        <Row label="Target">
          {project.end_date ? formatDay(project.end_date) : <span className="muted">Not set</span>}
        </Row>
        <Row label="Team">{teamName ?? <span className="muted">No team</span>}</Row>
        <Row label="Your role">{PROJECT_ROLE_LABELS[project.my_role]}</Row>
        <Row label="Members">{analytics.data ? analytics.data.members.total : <Skeleton width={24} />}</Row>
      </dl>
      <div className="progress-block">
        <div className="progress-caption">
          <span>Milestone progress</span>
          {milestones ? (
            <span className="muted">
              {milestones.by_status.completed}/{milestones.total}
            </span>
          ) : null}
        </div>
        {milestones ? (
          <ProgressBar
            value={milestones.by_status.completed}
            max={milestones.total}
            label="Milestones completed"
          />
        ) : (
          <Skeleton height={6} />
        )}
        <p className="progress-note">
          {[
            daysLeft(analytics.data?.days_remaining ?? null),
            milestones && milestones.overdue > 0 ? `${milestones.overdue} overdue` : null,
          ]
            .filter(Boolean)
            .join(' · ') || '\u00a0'}
        </p>
      </div>
    </Card>
  );
}
