/**
 * Issue 7 (SEC-3): an audit record is appended to the chain in one call. Every audited change
 * took the chain's lock, read the chain's tail and inserted its record in three statements, each
 * a round trip the server answered between its other callers' work, and held the lock from the
 * first to the commit. At ten connections a step waited 44 ms on the lock for 2.5 ms of SQL.
 *
 * `govdesk_audit_append` does the three in one call. Its statements run in a function, so each
 * takes its own snapshot: the tail it reads after the lock is the one the previous holder
 * committed. The record's instant is taken under the lock, so the chain's instants rise with
 * its ids. The caller hands over the canonical content around the id and the instant
 * (`auditContentParts` in src/domain/audit-chain.ts); the hash is the one `auditHash` computes,
 * SHA-256 over the previous hash, a newline and the content, so `auditRepository.verify` checks
 * old and new records alike. `sha256` is PostgreSQL's own (11 and later), so no extension.
 */
export const up = [
  `create function govdesk_audit_append(
      p_actor_id uuid, p_action text, p_object_type text, p_object_id text, p_ip text, p_data jsonb,
      p_head text, p_middle text, p_tail text)
    returns bigint language plpgsql volatile
    as $$
    declare
      last_id bigint;
      last_hash text;
      new_id bigint;
      new_at timestamptz;
    begin
      perform pg_advisory_xact_lock(726173001);
      select id, hash into last_id, last_hash from audit_log order by id desc limit 1;
      new_id := coalesce(last_id, 0) + 1;
      new_at := date_trunc('milliseconds', clock_timestamp());
      insert into audit_log (id, at, actor_id, action, object_type, object_id, ip, data, prev_hash, hash)
      values (
        new_id, new_at, p_actor_id, p_action, p_object_type, p_object_id, p_ip, p_data, last_hash,
        encode(sha256(convert_to(
          coalesce(last_hash, '') || E'\\n' || p_head
            || to_char(new_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            || p_middle || new_id::text || p_tail,
          'UTF8')), 'hex'));
      return new_id;
    end
    $$`,
];
