import { createHash } from 'node:crypto';

/**
 * The tamper-evident audit trail (SEC-3): each record's hash is SHA-256 over the previous record's
 * hash and the record's own content in a canonical form, so changing, removing or reordering any
 * record breaks every hash after it.
 */
export type AuditContent = {
  id: number;
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  data: Record<string, unknown>;
};

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string | null, record: AuditContent): string {
  const content = canonicalJson({
    id: record.id,
    at: record.at.toISOString(),
    actorId: record.actorId,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    ip: record.ip,
    data: record.data,
  });
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(content)
    .digest('hex');
}

/**
 * A record's canonical content around the two values the database fills in when it appends the
 * record under the chain's lock (`govdesk_audit_append`, migration 20261124T0930): the content
 * is `head + at + middle + id + tail`, with `at` as `toISOString()` gives it. The keys sort
 * action, actorId, at, data, id, ip, objectId, objectType, so both values fall between others.
 */
export function auditContentParts(record: Omit<AuditContent, 'id' | 'at'>): {
  head: string;
  middle: string;
  tail: string;
} {
  const json = canonicalJson;
  return {
    head: `{"action":${json(record.action)},"actorId":${json(record.actorId)},"at":"`,
    middle: `","data":${json(record.data)},"id":`,
    tail: `,"ip":${json(record.ip)},"objectId":${json(record.objectId)},"objectType":${json(record.objectType)}}`,
  };
}

/**
 * Stands in a record's data for a value the database fills in (`auditContentPartsFilling`). NUL
 * cannot be in PostgreSQL's text or `jsonb`, so no stored value is this one.
 */
const FILLED_IN = '\u0000';

/**
 * The parts as `auditContentParts` gives them, for a record whose data holds one more text value
 * that the database fills in with the id and the instant (`key`: a filing's number, which its
 * numbering insert computes). The middle comes split around that value's JSON: the content is
 * `head + at + middleBefore + JSON(value) + middleAfter + id + tail`.
 */
export function auditContentPartsFilling(
  record: Omit<AuditContent, 'id' | 'at'>,
  key: string,
): { head: string; middleBefore: string; middleAfter: string; tail: string } {
  if (Object.hasOwn(record.data, key)) throw new Error(`the audit record's data already holds "${key}"`);
  const { head, middle, tail } = auditContentParts({ ...record, data: { ...record.data, [key]: FILLED_IN } });
  const around = middle.split(JSON.stringify(FILLED_IN));
  if (around.length !== 2) throw new Error(`the audit record's data holds a NUL value`);
  return { head, middleBefore: around[0]!, middleAfter: around[1]!, tail };
}

export type ChainBreak = { id: number; reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'missing_record' };

/** Checks records in id order, continuing from the previous record; the first break, or null. */
export function checkChain(
  previous: { id: number; hash: string } | null,
  records: ReadonlyArray<AuditContent & { prevHash: string | null; hash: string }>,
): ChainBreak | null {
  let last = previous;
  for (const r of records) {
    if (r.id !== (last ? last.id + 1 : 1)) return { id: r.id, reason: 'missing_record' };
    if (r.prevHash !== (last?.hash ?? null)) return { id: r.id, reason: 'previous_hash_mismatch' };
    if (auditHash(r.prevHash, r) !== r.hash) return { id: r.id, reason: 'hash_mismatch' };
    last = { id: r.id, hash: r.hash };
  }
  return null;
}
