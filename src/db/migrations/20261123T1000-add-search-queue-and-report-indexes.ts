/**
 * Issue 7: what the hot paths need at a million requests (bench/README.md has their plans).
 *
 * - Free-text search: a trigram index (pg_trgm, in PostgreSQL's contrib and loaded by PGlite in
 *   src/db/database.ts) over the searched text, so `like '%印表機%'` is an index lookup instead
 *   of a scan. The expression is the one request.repository.ts searches, character for
 *   character. Chinese characters become trigrams when the database's LC_CTYPE is a UTF-8 locale
 *   (C.UTF-8, zh_TW.UTF-8, …), as PGlite's and `initdb --locale=C.UTF-8`'s are; under the C
 *   locale pg_trgm sees no letters in them and the index cannot narrow a Chinese search.
 * - The queue (`status`, `type`, sorted by due time): an index range in the queue's order that
 *   stops after a page, and an index-only count.
 * - A period's service levels: each clock keeps its request's type (a request's type never
 *   changes), and an index on the instant clocks started covers what the report reads, so the
 *   report by type or by clock is an index-only range instead of a join with every request.
 *   The copy is filled for the clocks there are and required from now on, in one migration so
 *   that no clock is ever without it.
 */
export const up = [
  `create extension if not exists pg_trgm`,
  `create index requests_search_trgm_idx on requests
    using gin ((number || ' ' || title || ' ' || description || ' ' || applicant_name) gin_trgm_ops)`,
  `create index requests_queue_idx on requests (status, type, sla_due_at, id)`,
  `alter table request_clocks add column request_type text`,
  `update request_clocks c set request_type = r.type from requests r where r.id = c.request_id`,
  `alter table request_clocks alter column request_type set not null`,
  `create index request_clocks_started_idx on request_clocks (started_at)
    include (request_type, target_key, status, consumed_ms, target_ms, breached_at, request_id)`,
];
