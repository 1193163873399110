import { expressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role } from '../../shared/roles.js';
import type { Executor } from '../database.js';
import { fixedStatement, type Slots } from '../fixed-statement.js';
import type { Database, UserRow } from '../schema.js';
import { actingRolesJson } from './deputy.repository.js';

type RoleHeld = { role: Role; unitId: string | null };

/** Who is calling: the account, its roles and the roles it acts in as a deputy now (ORG-3). */
export type Caller = { user: UserRow; roles: RoleHeld[]; acting: RoleHeld[] };

/**
 * The caller of an API request from its session or token, in one statement: every call resolves
 * its caller, so the account, its roles and its deputyships come in one round trip (four before).
 * Nothing is cached: a disabled account, a removed role or a revoked token counts at the next call.
 */
export const callerRepository = {
  async bySession(
    db: Executor,
    idHash: string,
    now: Date,
  ): Promise<(Caller & { csrfToken: string; createdAt: Date; lastSeenAt: Date }) | undefined> {
    const [row] = await sessionCaller(db, { idHash, now });
    if (!row) return undefined;
    const { session_csrf_token, session_created_at, session_last_seen_at, caller_roles, caller_acting, ...user } = row;
    return {
      user,
      ...rolesOf(caller_roles, caller_acting),
      csrfToken: session_csrf_token,
      createdAt: session_created_at,
      lastSeenAt: session_last_seen_at,
    };
  },

  async byToken(
    db: Executor,
    tokenHash: string,
    now: Date,
  ): Promise<(Caller & { tokenId: string; lastUsedAt: Date | null }) | undefined> {
    const [row] = await tokenCaller(db, { tokenHash, now });
    if (!row) return undefined;
    const { token_id, token_last_used_at, caller_roles, caller_acting, ...user } = row;
    return {
      user,
      ...rolesOf(caller_roles, caller_acting),
      tokenId: token_id,
      lastUsedAt: token_last_used_at,
    };
  },
};

/** Built once: the caller's statement is the same at every call but for its values (issue 7). */
const sessionCaller = fixedStatement((db, v: Slots<{ idHash: string; now: Date }>) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select((eb) => [
      's.csrf_token as session_csrf_token',
      's.created_at as session_created_at',
      's.last_seen_at as session_last_seen_at',
      ...callerRoles(eb.ref('u.id'), v.now),
    ])
    .where('s.id', '=', v.idHash)
    .where('s.expires_at', '>', v.now),
);

const tokenCaller = fixedStatement((db, v: Slots<{ tokenHash: string; now: Date }>) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select((eb) => ['t.id as token_id', 't.last_used_at as token_last_used_at', ...callerRoles(eb.ref('u.id'), v.now)])
    .where('t.token_hash', '=', v.tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', v.now),
);

/** The caller's roles and the roles they act in now, as two JSON columns of the caller's row. */
function callerRoles(userId: Parameters<typeof actingRolesJson>[0], now: Date) {
  return [rolesJson(userId).as('caller_roles'), actingRolesJson(userId, now).as('caller_acting')] as const;
}

const rolesOf = (roles: unknown, acting: unknown) => ({ roles: roles as RoleHeld[], acting: acting as RoleHeld[] });

function rolesJson(userId: Parameters<typeof actingRolesJson>[0]) {
  return jsonArrayFrom(
    expressionBuilder<Database, never>()
      .selectFrom('role_assignments as r')
      .select(['r.role', 'r.unit_id as unitId'])
      .where('r.user_id', '=', userId)
      .orderBy('r.created_at'),
  );
}
