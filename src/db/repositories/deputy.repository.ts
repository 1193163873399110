import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role } from '../../shared/roles.js';
import type { Executor } from '../database.js';
import type { Database, DeputiesTable } from '../schema.js';

export type DeputyRow = Selectable<DeputiesTable>;

type D = Database & { d: Database['deputies'] };

/**
 * A deputyship in force at `now` (ORG-3): within its period, not revoked, the deputy a usable staff
 * account, and the principal still holding the role for the unit (a transfer ends it).
 */
function inForce(eb: ExpressionBuilder<D, 'd'>, now: Date) {
  return eb.and([
    eb('d.revoked_at', 'is', null),
    eb('d.starts_at', '<=', now),
    eb('d.ends_at', '>', now),
    eb.exists(
      eb
        .selectFrom('users as du')
        .select('du.id')
        .whereRef('du.id', '=', 'd.deputy_id')
        .where('du.kind', '=', 'staff')
        .where('du.disabled_at', 'is', null)
        .where((w) => w.or([w('du.expires_at', 'is', null), w('du.expires_at', '>', now)])),
    ),
    eb.exists(
      eb
        .selectFrom('role_assignments as ra')
        .innerJoin('users as pu', 'pu.id', 'ra.user_id')
        .select('ra.id')
        .whereRef('ra.user_id', '=', 'd.principal_id')
        .whereRef('ra.role', '=', 'd.role')
        .where(sql<boolean>`coalesce(ra.unit_id, pu.unit_id) is not distinct from d.unit_id`),
    ),
  ]);
}

/**
 * The roles a user acts in at `now` as someone's deputy, as a JSON array of `{role, unitId}` inside
 * an outer query (the caller's lookup on every API call); the same rule as `rolesActedBy`.
 */
export function actingRolesJson(userId: Expression<string>, now: Date) {
  return jsonArrayFrom(
    expressionBuilder<D, never>()
      .selectFrom('deputies as d')
      .select(['d.role', 'd.unit_id as unitId'])
      .where('d.deputy_id', '=', userId)
      .where((eb) => inForce(eb, now))
      .orderBy('d.starts_at'),
  );
}

/** Deputies (ORG-3, 職務代理人): who acts for whom, with which role, when. */
export const deputyRepository = {
  insert(
    db: Executor,
    d: {
      principalId: string;
      deputyId: string;
      role: Role;
      unitId: string | null;
      startsAt: Date;
      endsAt: Date;
      reason: string;
      createdBy: string;
      createdAt: Date;
    },
  ): Promise<DeputyRow> {
    return db
      .insertInto('deputies')
      .values({
        principal_id: d.principalId,
        deputy_id: d.deputyId,
        role: d.role,
        unit_id: d.unitId,
        starts_at: d.startsAt,
        ends_at: d.endsAt,
        reason: d.reason,
        created_by: d.createdBy,
        created_at: d.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  lock(db: Executor, id: string): Promise<DeputyRow | undefined> {
    return db.selectFrom('deputies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  revoke(db: Executor, id: string, at: Date): Promise<unknown> {
    return db.updateTable('deputies').set({ revoked_at: at }).where('id', '=', id).execute();
  },

  /** Deputyships with the people and units named; those of one person (as principal or deputy) when given. */
  list(db: Executor, filter: { userId?: string; id?: string }) {
    let q = db
      .selectFrom('deputies as d')
      .innerJoin('users as p', 'p.id', 'd.principal_id')
      .innerJoin('users as x', 'x.id', 'd.deputy_id')
      .leftJoin('units as pu', 'pu.id', 'p.unit_id')
      .leftJoin('units as xu', 'xu.id', 'x.unit_id')
      .leftJoin('units as u', 'u.id', 'd.unit_id')
      .leftJoin('users as c', 'c.id', 'd.created_by')
      .selectAll('d')
      .select([
        'p.username as principal_username',
        'p.display_name as principal_name',
        'pu.name as principal_unit_name',
        'x.username as deputy_username',
        'x.display_name as deputy_name',
        'xu.name as deputy_unit_name',
        'u.name as unit_name',
        'c.display_name as created_by_name',
      ]);
    if (filter.userId) {
      const me = filter.userId;
      q = q.where((eb) => eb.or([eb('d.principal_id', '=', me), eb('d.deputy_id', '=', me)]));
    }
    if (filter.id) q = q.where('d.id', '=', filter.id);
    return q.orderBy('d.starts_at', 'desc').orderBy('d.created_at', 'desc').limit(500).execute();
  },

  /** Of the given deputyships, those in force now. */
  async inForceAmong(db: Executor, ids: readonly string[], now: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('deputies as d')
      .select('d.id')
      .where('d.id', 'in', [...ids])
      .where((eb) => inForce(eb, now))
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /** The same appointment already running or planned in an overlapping period (not revoked). */
  findOverlapping(
    db: Executor,
    d: { principalId: string; deputyId: string; role: Role; unitId: string | null; startsAt: Date; endsAt: Date },
  ): Promise<DeputyRow | undefined> {
    return db
      .selectFrom('deputies as d')
      .selectAll('d')
      .where('d.principal_id', '=', d.principalId)
      .where('d.deputy_id', '=', d.deputyId)
      .where('d.role', '=', d.role)
      .where(sql<boolean>`d.unit_id is not distinct from ${d.unitId}::uuid`)
      .where('d.revoked_at', 'is', null)
      .where('d.starts_at', '<', d.endsAt)
      .where('d.ends_at', '>', d.startsAt)
      .executeTakeFirst();
  },

  /** The roles a person acts in as a deputy now, with the unit each is held for. */
  rolesActedBy(db: Executor, userId: string, now: Date): Promise<Array<{ role: Role; unitId: string | null }>> {
    return db
      .selectFrom('deputies as d')
      .select(['d.role', 'd.unit_id as unitId'])
      .where('d.deputy_id', '=', userId)
      .where((eb) => inForce(eb, now))
      .orderBy('d.starts_at')
      .execute();
  },

  /**
   * Every deputy acting now, as role holders, in the order they started; a query to run with the
   * holders of the roles themselves (organisationRepository.activeRoleHolders).
   */
  actingHolders(now: Date) {
    return expressionBuilder<Database, never>()
      .selectFrom('deputies as d')
      .select([
        'd.deputy_id as userId',
        'd.role',
        'd.unit_id as unitId',
        sql<number>`1`.as('part'),
        'd.starts_at as since',
      ])
      .where((eb) => inForce(eb, now));
  },
};
