/**
 * Issue 7: new rows get time-ordered keys. `gen_random_uuid()` makes random keys (version 4), so
 * each new row's entry went to a random page of every index over its key, and of every index over
 * a key that points at it (a request's history, clocks and audit records). A random page is often
 * one nothing has changed since the last checkpoint, and its first change writes the whole page
 * to the write-ahead log.
 *
 * `govdesk_uuid7()` makes a version 7 key (RFC 9562): the Unix time in milliseconds in the first
 * 48 bits, then random bits. It starts from a random key, which has the variant bits set already,
 * puts the time over its first six bytes, and turns its version 4 (0100) into 7 (0111) by setting
 * bits 52 and 53. PostgreSQL 18 has `uuidv7()`; this works on every version we run. The code
 * makes the same kind of key where it chooses one itself (`newId` in src/db/ids.ts). Rows already
 * stored keep their keys: old and new kinds are both UUIDs and mix in every index.
 */
const TABLES = [
  'units',
  'users',
  'role_assignments',
  'api_tokens',
  'requests',
  'comments',
  'attachments',
  'calendar_sources',
  'request_clocks',
  'notifications',
  'mail_outbox',
  'account_requests',
  'account_reviews',
  'account_review_items',
  'assets',
  'deputies',
];

export const up = [
  `create function govdesk_uuid7() returns uuid language sql volatile parallel safe
    as $$
      select encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
            placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
            from 1 for 6),
          52, 1), 53, 1),
        'hex')::uuid
    $$`,
  ...TABLES.map((table) => `alter table ${table} alter column id set default govdesk_uuid7()`),
];
