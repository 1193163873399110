import { sql, type RawBuilder } from 'kysely';
import { auditContentParts, auditContentPartsFilling, checkChain, type ChainBreak } from '../../domain/audit-chain.js';
import type { Executor, Tx } from '../database.js';
import { escapeLike } from './organisation.repository.js';
import { plannedPerCall } from '../preparable.js';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  objectType?: string;
  objectId?: string;
  ip?: string | null;
  data?: Record<string, unknown>;
};

/**
 * Any fixed number: the key of the advisory lock that orders appends to the chain. The same key
 * is in `govdesk_audit_append` (migration 20261124T0930).
 */
const CHAIN_LOCK = 726_173_001;

/** A record's content as the function is handed it, and as the check hashes it again. */
function recordOf(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    ip: entry.ip ?? null,
    // As the database gives it back: what the check hashes again.
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
}

/**
 * Appends a record in one call: the function takes the chain's lock (held to the commit), reads
 * the tail, stamps the instant and hashes the content the record's parts give (SEC-3).
 */
async function appendRecord(db: Executor, entry: AuditEntry): Promise<void> {
  await sql`select ${auditAppend(entry)}`.execute(db);
}

/**
 * The call that appends a record, as one part of a statement that stores the change it records
 * (a step's writes): the change and its record in one round trip (issue 7).
 */
export function auditAppend(entry: AuditEntry): RawBuilder<number> {
  return auditAppendOf(auditValues(entry));
}

/** What `auditAppendOf` hands the database for a record: its parts as `appendRecord` hands them. */
export type AuditValues = {
  auditActorId: string | null;
  auditAction: string;
  auditObjectType: string | null;
  auditObjectId: string | null;
  auditIp: string | null;
  auditData: string;
  auditHead: string;
  auditMiddle: string;
  auditTail: string;
};

/** The values of `entry` for `auditAppendOf`. */
export function auditValues(entry: AuditEntry): AuditValues {
  const record = recordOf(entry);
  const { head, middle, tail } = auditContentParts(record);
  return {
    auditActorId: record.actorId,
    auditAction: record.action,
    auditObjectType: record.objectType,
    auditObjectId: record.objectId,
    auditIp: record.ip,
    auditData: JSON.stringify(record.data),
    auditHead: head,
    auditMiddle: middle,
    auditTail: tail,
  };
}

/**
 * The call that appends the record `v` holds (`auditValues`), or a fixed statement's placeholders
 * for them (a step's statement).
 */
export function auditAppendOf(v: AuditValues): RawBuilder<number> {
  return sql<number>`govdesk_audit_append(${v.auditActorId}::uuid, ${v.auditAction}::text, ${v.auditObjectType}::text,
    ${v.auditObjectId}::text, ${v.auditIp}::text, ${v.auditData}::jsonb, ${v.auditHead}::text, ${v.auditMiddle}::text,
    ${v.auditTail}::text)`;
}

/**
 * The call that appends a record whose data also holds `key` with a text value the same statement
 * computes (`value`: a filing's number, which its numbering insert returns), as `auditAppend`. The
 * function hashes what `appendRecord` would have handed it for the same data.
 */
export function auditAppendFilling(entry: AuditEntry, key: string, value: RawBuilder<string>): RawBuilder<number> {
  const record = recordOf(entry);
  const { head, middleBefore, middleAfter, tail } = auditContentPartsFilling(record, key);
  return sql<number>`govdesk_audit_append(${record.actorId}::uuid, ${record.action}::text, ${record.objectType}::text,
    ${record.objectId}::text, ${record.ip}::text, ${JSON.stringify(record.data)}::jsonb || jsonb_build_object(${key}::text, ${value}),
    ${head}::text, ${middleBefore}::text || to_json(${value})::text || ${middleAfter}::text, ${tail}::text)`;
}

/**
 * Where the check starts when old records were purged: the last removed record as the purge
 * recorded it. A gap at the start that no purge record explains stays a missing record.
 */
async function purgeAnchor(db: Executor): Promise<{ id: number; hash: string } | null> {
  const first = await db.selectFrom('audit_log').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (!first || first.id === 1) return null;
  const purge = await db
    .selectFrom('audit_log')
    .select('data')
    .where('action', '=', 'audit.purged')
    .where(sql<boolean>`(data->>'throughId')::bigint = ${first.id - 1}`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const hash = purge?.data.throughHash;
  return typeof hash === 'string' ? { id: first.id - 1, hash } : null;
}

/** The audit trail (SEC-3): append-only and hash-chained; written in the transaction of the change it records. */
export const auditRepository = {
  append(db: Executor, entry: AuditEntry): Promise<void> {
    return appendRecord(db, entry);
  },

  /** Searches the trail, newest first (SEC-3: auditors search and export, change nothing). */
  search(
    db: Executor,
    filter: {
      from?: Date | undefined;
      to?: Date | undefined;
      actorId?: string | undefined;
      action?: string | undefined;
      objectId?: string | undefined;
    },
    limit: number,
  ) {
    let q = db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .selectAll('a')
      .select(['u.username', 'u.display_name']);
    if (filter.from) q = q.where('a.at', '>=', filter.from);
    if (filter.to) q = q.where('a.at', '<', filter.to);
    if (filter.actorId) q = q.where('a.actor_id', '=', filter.actorId);
    if (filter.action) q = q.where('a.action', 'like', `${escapeLike(filter.action)}%`);
    if (filter.objectId) q = q.where('a.object_id', '=', filter.objectId);
    return q.orderBy('a.id', 'desc').limit(limit).modifyEnd(plannedPerCall).execute();
  },

  /** A user's recent sign-ins and failed attempts, newest first. */
  signInsOf(db: Executor, userId: string, limit: number) {
    return db
      .selectFrom('audit_log')
      .select(['at', 'action', 'ip'])
      .where('actor_id', '=', userId)
      .where('action', 'in', ['auth.login', 'auth.login_failed'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /**
   * Removes the records older than `before` (a whole prefix of the chain) and appends the record
   * of the purge, which keeps the last removed hash as the anchor the check starts from.
   */
  async purgeBefore(tx: Tx, before: Date, actorId: string | null): Promise<number> {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(tx);
    const last = await tx
      .selectFrom('audit_log')
      .select(['id', 'hash'])
      .where('at', '<', before)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    let removed = 0;
    if (last) {
      const result = await tx.deleteFrom('audit_log').where('id', '<=', last.id).executeTakeFirst();
      removed = Number(result.numDeletedRows);
    }
    await appendRecord(tx, {
      actorId,
      action: 'audit.purged',
      data: {
        before: before.toISOString(),
        removed,
        ...(last ? { throughId: last.id, throughHash: last.hash } : {}),
      },
    });
    return removed;
  },

  /** Walks the whole chain in batches; the first broken record, or null, and how many were checked. */
  async verify(db: Executor, batchSize = 5000): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
    let previous: { id: number; hash: string } | null = await purgeAnchor(db);
    let checked = 0;
    for (;;) {
      const afterId: number = previous?.id ?? 0;
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return { checked, firstBreak: null };
      const firstBreak = checkChain(
        previous,
        rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          ip: r.ip,
          data: r.data,
          prevHash: r.prev_hash,
          hash: r.hash,
        })),
      );
      if (firstBreak) return { checked: checked + rows.findIndex((r) => r.id === firstBreak.id), firstBreak };
      checked += rows.length;
      const last = rows[rows.length - 1]!;
      previous = { id: last.id, hash: last.hash };
    }
  },
};
