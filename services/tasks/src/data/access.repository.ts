import { queryTemplate, type StatementBatcher } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { OrgRole, ProjectRole } from '../domain/task-access.ts';
import type { WorkflowStatus } from '../domain/workflow.ts';
import { lookupBatcher, lookupRows } from './lookup-batch.ts';
import type { Db, ProjectRow, TasksDatabase } from './tasks.tables.ts';

export interface ProjectAccess {
  project: ProjectRow;
  orgRole: OrgRole | null;
  memberRole: ProjectRole | null;
}

export interface ProjectFacts {
  id: string;
  organization_id: string;
  key: string;
  status: string;
  workflow: WorkflowStatus[] | null;
}

/** A project looked up for a caller. */
interface ProjectLookup {
  project_id: string;
  user_id: string;
}

/**
 * The live projects the lookups name (lookup-batch.ts), each with its caller's roles in its
 * organization and in it (compiled once: the kernel's queryTemplate).
 */
const projectsWithRoles = queryTemplate(1, (db: Kysely<TasksDatabase>, json: string) =>
  db
    .selectFrom(lookupRows<ProjectLookup>(json, { project_id: 'uuid', user_id: 'uuid' }))
    .innerJoin('projects as p', 'p.id', 'l.project_id')
    .leftJoin('org_memberships as om', (join) =>
      join.onRef('om.organization_id', '=', 'p.organization_id').onRef('om.user_id', '=', 'l.user_id'),
    )
    .leftJoin('project_memberships as pm', (join) =>
      join.onRef('pm.project_id', '=', 'p.id').onRef('pm.user_id', '=', 'l.user_id'),
    )
    .selectAll('p')
    .select(['l.n as lookup_n', 'om.role as org_role', 'pm.role as member_role'])
    .where('p.deleted_at', 'is', null),
);

type ProjectRolesRow = Awaited<ReturnType<typeof projectsWithRoles.run>>[number];

/** The read models of projects, project members and organization members, fed by events. */
export class AccessRepository {
  /** Every creation and list starts with one: looked up with those that come meanwhile. */
  private readonly lookups: StatementBatcher<ProjectLookup, ProjectRolesRow | undefined>;

  constructor(private readonly db: Kysely<TasksDatabase>) {
    this.lookups = lookupBatcher(
      (json) => projectsWithRoles.run(db, json),
      (row) => row.lookup_n,
    );
  }

  async projectAccess(userId: string, projectId: string): Promise<ProjectAccess | undefined> {
    const row = await this.lookups.run({ project_id: projectId, user_id: userId });
    if (!row) {
      return undefined;
    }
    const { lookup_n: _n, org_role: orgRole, member_role: memberRole, ...project } = row;
    return { project, orgRole: orgRole ?? null, memberRole: memberRole ?? null };
  }

  /** Whether the user may be assigned in the project: a project member or an organization owner/admin. */
  async isAssignable(
    projectId: string,
    organizationId: string,
    userId: string,
    db: Db = this.db,
  ): Promise<boolean> {
    const org = await db
      .selectFrom('org_memberships')
      .select('role')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!org?.role) {
      return false;
    }
    if (org.role === 'owner' || org.role === 'admin') {
      return true;
    }
    const member = await db
      .selectFrom('project_memberships')
      .select('role')
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .where('role', 'is not', null)
      .executeTakeFirst();
    return member !== undefined;
  }

  async saveProject(trx: Db, facts: ProjectFacts, occurredAt: Date, deleted: boolean): Promise<void> {
    const values = {
      id: facts.id,
      organization_id: facts.organization_id,
      key: facts.key,
      status: facts.status,
      workflow: facts.workflow ? JSON.stringify(facts.workflow) : null,
      deleted_at: deleted ? occurredAt : null,
      updated_at: occurredAt,
    };
    await trx
      .insertInto('projects')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            key: sql`excluded.key`,
            status: sql`excluded.status`,
            // An event without settings keeps the workflow already known.
            workflow: sql`coalesce(excluded.workflow, projects.workflow)`,
            deleted_at: sql`coalesce(projects.deleted_at, excluded.deleted_at)`,
            updated_at: sql`excluded.updated_at`,
          })
          .where(sql<boolean>`projects.updated_at <= excluded.updated_at`),
      )
      .execute();
  }

  async isMilestoneOf(projectId: string, milestoneId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('milestones')
      .select('id')
      .where('id', '=', milestoneId)
      .where('project_id', '=', projectId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async saveMilestone(trx: Db, milestoneId: string, projectId: string, occurredAt: Date, deleted: boolean) {
    await trx
      .insertInto('milestones')
      .values({
        id: milestoneId,
        project_id: projectId,
        deleted_at: deleted ? occurredAt : null,
        updated_at: occurredAt,
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            deleted_at: sql`coalesce(milestones.deleted_at, excluded.deleted_at)`,
            updated_at: sql`excluded.updated_at`,
          })
          .where(sql<boolean>`milestones.updated_at <= excluded.updated_at`),
      )
      .execute();
  }

  async saveProjectMember(
    trx: Db,
    projectId: string,
    userId: string,
    role: ProjectRole | null,
    occurredAt: Date,
  ): Promise<void> {
    await trx
      .insertInto('project_memberships')
      .values({ project_id: projectId, user_id: userId, role, updated_at: occurredAt })
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'user_id'])
          .doUpdateSet({ role: sql`excluded.role`, updated_at: sql`excluded.updated_at` })
          .where(sql<boolean>`project_memberships.updated_at <= excluded.updated_at`),
      )
      .execute();
  }

  async saveOrgMember(
    trx: Db,
    organizationId: string,
    userId: string,
    role: OrgRole | null,
    occurredAt: Date,
  ): Promise<void> {
    await trx
      .insertInto('org_memberships')
      .values({ organization_id: organizationId, user_id: userId, role, updated_at: occurredAt })
      .onConflict((oc) =>
        oc
          .columns(['organization_id', 'user_id'])
          .doUpdateSet({ role: sql`excluded.role`, updated_at: sql`excluded.updated_at` })
          .where(sql<boolean>`org_memberships.updated_at <= excluded.updated_at`),
      )
      .execute();
  }
}
