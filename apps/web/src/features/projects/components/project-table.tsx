import { Link } from 'react-router';
import { formatShortDay } from '../../../shared/format/date.ts';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import type { Project } from '../project.types.ts';
import { ProjectKey, ProjectRoleBadge, ProjectStatusBadge } from './project-badges.tsx';

function timeline(project: Project): string {
  const { start_date: start, end_date: end } = project;
  if (start && end) {
    return `${formatShortDay(start)} – ${formatShortDay(end)}`;
  }
  if (start) {
    return `From ${formatShortDay(start)}`;
  }
  return end ? `Until ${formatShortDay(end)}` : '—';
}

interface ProjectTableProps {
  projects: Project[];
  teamNames: Map<string, string>;
}

export function ProjectTable({ projects, teamNames }: ProjectTableProps) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Status</th>
          <th scope="col">Team</th>
          <th scope="col">Timeline</th>
          <th scope="col">Your role</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.id}>
            <td>
              <div className="project-cell">
                <ProjectKey value={project.key} />
                <div className="project-cell-text">
                  <Link to={`/projects/${project.id}`} className="row-link">
                    {project.name}
                  </Link>
                  {project.description ? (
                    <p className="project-cell-description">{project.description}</p>
                  ) : null}
                </div>
              </div>
            </td>
            <td>
              <ProjectStatusBadge status={project.status} />
            </td>
            <td className="muted">{project.team_id ? (teamNames.get(project.team_id) ?? 'Team') : '—'}</td>
            <td className="muted nowrap">{timeline(project)}</td>
            <td>
              <ProjectRoleBadge role={project.my_role} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProjectTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <table className="table" aria-busy="true" aria-label="Loading projects">
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            <td>
              <div className="project-cell">
                <Skeleton width={44} height={20} />
                <Skeleton width={`${40 + ((i * 17) % 30)}%`} />
              </div>
            </td>
            <td>
              <Skeleton width={64} height={20} />
            </td>
            <td>
              <Skeleton width={72} />
            </td>
            <td>
              <Skeleton width={110} />
            </td>
            <td>
              <Skeleton width={56} height={20} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
