import { sql } from 'kysely';
import { table } from './tasks.tables.ts';

/** Live projects `userId` sees (ADR 0002, from the read models): the `from … where …` of a sub-query. */
export function projectsSeenBy(userId: string) {
  return sql`${table('projects')} p
    join ${table('org_memberships')} om on om.organization_id = p.organization_id and om.user_id = ${userId} and om.role is not null
    left join ${table('project_memberships')} pm on pm.project_id = p.id and pm.user_id = ${userId} and pm.role is not null
    where p.deleted_at is null and (om.role in ('owner', 'admin', 'member') or pm.role is not null)`;
}

/** Task `t` is in a live project `userId` sees. */
export function visibleProjects(userId: string) {
  return sql<boolean>`t.project_id in (select p.id from ${projectsSeenBy(userId)})`;
}

/**
 * Project `projectId` is live and `userId` sees it: an uncorrelated condition, so PostgreSQL checks
 * it once before reading any task (a one-time filter) and reads none for an outsider.
 */
export function visibleProject(userId: string, projectId: string) {
  return sql<boolean>`exists (select 1 from ${projectsSeenBy(userId)} and p.id = ${projectId})`;
}
