import { expressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { WorkflowUnits } from '../../shared/api/workflow.schema.js';
import type { Role, UnitKind, UserKind } from '../../shared/roles.js';
import type { Executor } from '../database.js';
import { fixedStatement, type Slots } from '../fixed-statement.js';
import type { Database, UnitRow, UserRow } from '../schema.js';
import { deputyRepository } from './deputy.repository.js';

export type RoleRow = { user_id: string; role: Role; unit_id: string | null; unit_name: string | null };

/**
 * Someone who holds a role, for the unit it is held for (`acting: false`), or acts in it as a
 * deputy now (`acting: true`).
 */
export type RoleHolder = { userId: string; role: Role; unitId: string | null; acting: boolean };

/**
 * The accounts that hold any of the roles themselves, each once, in the order they were given
 * them: whom a notice to the roles reaches (as `usableHoldersOf`, from holders already read).
 */
export function ownHoldersOf(holders: readonly RoleHolder[], roles: readonly Role[]): string[] {
  return [...new Set(holders.filter((h) => !h.acting && roles.includes(h.role)).map((h) => h.userId))];
}

/** The setting naming the units that serve and own the workflows (settings → 流程單位). */
export const WORKFLOW_UNITS_KEY = 'workflow_units';

/** The workflows' units as stored, or none when not set (or not valid). */
export function workflowUnitsOf(stored: unknown): WorkflowUnits {
  const parsed = WorkflowUnits.safeParse(stored);
  return parsed.success ? parsed.data : { serviceUnitId: null, businessUnitId: null };
}

/**
 * What a request's facts need of the organisation: the unit tree, who holds which role (acting
 * deputies included), and which units serve and own the workflows.
 */
export type OrganisationStructure = { units: UnitRow[]; holders: RoleHolder[]; workflowUnits: WorkflowUnits };

/**
 * Every role held by a usable account, then every role a deputy acts in at `now`, in one query:
 * the holders in the order they were given the role, then the deputies in the order they started.
 */
function roleHoldersQuery(now: Date) {
  // Built apart from any connection, so it can be a part of another statement.
  return expressionBuilder<Database, never>()
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.user_id as userId',
      'r.role',
      (eb) => eb.fn.coalesce('r.unit_id', 'u.unit_id').as('unitId'),
      sql<number>`0`.as('part'),
      'r.created_at as since',
    ])
    .where('u.disabled_at', 'is', null)
    .unionAll(deputyRepository.actingHolders(now))
    .orderBy('part')
    .orderBy('since');
}

/**
 * The organisation as three columns (`apartFromOrganisation` reads them back): its own statement,
 * or a part of the statement that reads or locks the request a call is about, so that the call
 * reads both in one round trip (issue 7). Its parts take no values from that statement's rows.
 */
export function organisationColumns(now: Date) {
  const eb = expressionBuilder<Database, never>();
  return [
    jsonArrayFrom(eb.selectFrom('units').selectAll().orderBy('sort_order').orderBy('name')).as('org_units'),
    jsonArrayFrom(roleHoldersQuery(now)).as('org_holders'),
    eb.selectFrom('settings').select('value').where('key', '=', WORKFLOW_UNITS_KEY).as('org_workflow_units'),
  ] as const;
}

/** Built once (issue 7): read by a filing, and by a page or a step that knows it already. */
const structureStatement = fixedStatement((db, v: Slots<{ now: Date }>) => db.selectNoFrom(organisationColumns(v.now)));

/** The organisation's columns as a statement gives them. */
export type OrganisationColumns = Awaited<ReturnType<typeof structureStatement>>[number];

/** The organisation read back from its columns (`organisationColumns`). */
function structureOf(row: OrganisationColumns): OrganisationStructure {
  return {
    units: row.org_units.map((u) => ({ ...u, created_at: new Date(u.created_at) })),
    holders: row.org_holders.map(({ userId, role, unitId, part }) => ({ userId, role, unitId, acting: part === 1 })),
    workflowUnits: workflowUnitsOf(row.org_workflow_units),
  };
}

/** A row that carried the organisation's columns, split into the rest of it and the organisation. */
export function apartFromOrganisation<R extends OrganisationColumns>(
  row: R,
): [Omit<R, keyof OrganisationColumns>, OrganisationStructure] {
  const { org_units, org_holders, org_workflow_units, ...rest } = row;
  return [rest, structureOf({ org_units, org_holders, org_workflow_units })];
}

/** Units, users and their role assignments (ORG-1..ORG-3). */
export const organisationRepository = {
  listUnits(db: Executor): Promise<UnitRow[]> {
    return db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('name').execute();
  },

  findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
    return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findUnitByCode(db: Executor, code: string): Promise<UnitRow | undefined> {
    return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  },

  insertUnit(
    db: Executor,
    unit: { parentId: string | null; code: string; name: string; nameEn: string; kind: UnitKind; sortOrder?: number },
  ): Promise<UnitRow> {
    return db
      .insertInto('units')
      .values({
        parent_id: unit.parentId,
        code: unit.code,
        name: unit.name,
        name_en: unit.nameEn,
        kind: unit.kind,
        sort_order: unit.sortOrder ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst();
  },

  countUsers(db: Executor): Promise<number> {
    return db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  insertUser(
    db: Executor,
    user: {
      username: string;
      displayName: string;
      email: string | null;
      phone: string | null;
      unitId: string | null;
      kind: UserKind;
      passwordHash: string;
      mustChangePassword: boolean;
      expiresAt?: Date | null;
    },
  ): Promise<UserRow> {
    return db
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName,
        email: user.email,
        phone: user.phone,
        unit_id: user.unitId,
        kind: user.kind,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword,
        expires_at: user.expiresAt ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Sets a new password; the one it replaces goes into the history (SEC-1: differ from the last 3). */
  async updatePassword(db: Executor, userId: string, passwordHash: string, now: Date): Promise<void> {
    const previous = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('password_history')
      .values({ user_id: userId, password_hash: previous.password_hash, created_at: now })
      .execute();
    await db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: now, updated_at: now })
      .where('id', '=', userId)
      .execute();
  },

  /** The hashes of a user's last `count` passwords before the current one, newest first. */
  async passwordHistory(db: Executor, userId: string, count: number): Promise<string[]> {
    if (count <= 0) return [];
    const rows = await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(count)
      .execute();
    return rows.map((r) => r.password_hash);
  },

  /** Counts one more consecutive failure; returns the new count. */
  async recordFailedAttempt(db: Executor, userId: string): Promise<number> {
    const row = await db
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    return row.failed_attempts;
  },

  lock(db: Executor, userId: string, at: Date): Promise<unknown> {
    return db.updateTable('users').set({ locked_at: at }).where('id', '=', userId).execute();
  },

  /** Clears the failure count, and the lock when `unlock` is set. */
  clearFailures(db: Executor, userId: string, unlock: boolean): Promise<unknown> {
    return db
      .updateTable('users')
      .set(unlock ? { failed_attempts: 0, locked_at: null } : { failed_attempts: 0 })
      .where('id', '=', userId)
      .execute();
  },

  async listUsers(db: Executor, filter: { role?: Role | undefined; q?: string | undefined }): Promise<UserRow[]> {
    let query = db.selectFrom('users').selectAll('users').orderBy('users.display_name').limit(500);
    if (filter.role) {
      const role = filter.role;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments')
            .select('role_assignments.id')
            .whereRef('role_assignments.user_id', '=', 'users.id')
            .where('role_assignments.role', '=', role),
        ),
      );
    }
    if (filter.q) {
      const like = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([eb('users.username', 'ilike', like), eb('users.display_name', 'ilike', like)]),
      );
    }
    return query.execute();
  },

  updateUser(
    db: Executor,
    userId: string,
    fields: Partial<{
      display_name: string;
      email: string | null;
      phone: string | null;
      unit_id: string;
      kind: UserKind;
      expires_at: Date | null;
      disabled_at: Date | null;
    }>,
    now: Date,
  ): Promise<unknown> {
    return db
      .updateTable('users')
      .set({ ...fields, updated_at: now })
      .where('id', '=', userId)
      .execute();
  },

  async replaceRoles(
    db: Executor,
    userId: string,
    roles: ReadonlyArray<{ role: Role; unitId: string | null }>,
  ): Promise<void> {
    await db.deleteFrom('role_assignments').where('user_id', '=', userId).execute();
    await organisationRepository.addRoles(db, userId, roles);
  },

  /** Accounts that can sign in now: not disabled, not expired. */
  listActiveUsers(db: Executor, now: Date): Promise<UserRow[]> {
    return db
      .selectFrom('users')
      .selectAll()
      .where('disabled_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('display_name')
      .execute();
  },

  /**
   * Every role held by a usable account, with the unit it is held for (the person's own when none is
   * named), and every role a deputy acts in at `now` for an absent holder (ORG-3).
   */
  async activeRoleHolders(db: Executor, now: Date = new Date()): Promise<RoleHolder[]> {
    const rows = await db
      .selectFrom(roleHoldersQuery(now).as('h'))
      .selectAll()
      .orderBy('part')
      .orderBy('since')
      .execute();
    return rows.map(({ userId, role, unitId, part }) => ({ userId, role, unitId, acting: part === 1 }));
  },

  /**
   * The unit tree (as listUnits), the role holders (as activeRoleHolders) and the workflows' units
   * in one statement: what a request's facts need of the organisation
   * (src/server/services/workflow-facts.ts).
   */
  async structure(db: Executor, now: Date = new Date()): Promise<OrganisationStructure> {
    const [row] = await structureStatement(db, { now });
    if (!row) throw new Error('the organisation statement returned no row');
    return structureOf(row);
  },

  /**
   * Every account not disabled that holds any of the roles, each once, by name: whom a notice
   * addressed to a role reaches. One statement for all the roles, and no page limit (the user
   * list's 500 once cut this short).
   */
  async usableHoldersOf(db: Executor, roles: readonly Role[]): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows = await db
      .selectFrom('users as u')
      .select('u.id')
      .where('u.disabled_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments as r')
            .select('r.id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.role', 'in', [...roles]),
        ),
      )
      .orderBy('u.display_name')
      .orderBy('u.id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** Every supervisor role held by a usable account: who answers for which unit. */
  supervisorRoles(db: Executor, now: Date) {
    return db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id as userId', 'r.role', 'r.unit_id as unitId'])
      .where('r.role', 'in', ['section_chief', 'division_deputy', 'division_head'])
      .where('u.disabled_at', 'is', null)
      .where((eb) => eb.or([eb('u.expires_at', 'is', null), eb('u.expires_at', '>', now)]))
      .execute();
  },

  rolesOf(db: Executor, userIds: readonly string[]): Promise<RoleRow[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('role_assignments as r')
      .leftJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.user_id', 'r.role', 'r.unit_id', 'u.name as unit_name'])
      .where('r.user_id', 'in', userIds)
      .orderBy('r.created_at')
      .execute();
  },

  async addRoles(
    db: Executor,
    userId: string,
    roles: ReadonlyArray<{ role: Role; unitId: string | null }>,
  ): Promise<void> {
    if (roles.length === 0) return;
    await db
      .insertInto('role_assignments')
      .values(roles.map((r) => ({ user_id: userId, role: r.role, unit_id: r.unitId })))
      .execute();
  },
};

/** Escapes `%`, `_` and `\` so user text is matched literally by LIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
