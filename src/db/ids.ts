import { v7 } from 'uuid';

/**
 * The key of a new row (issue 7): a time-ordered UUID (RFC 9562, version 7) whose first 48 bits
 * are the Unix time in milliseconds, the rest random. Keys made one after another sort one after
 * another, so a new row's entries go to the right-hand end of the indexes over its key (and over
 * the keys that point at it) instead of to a random page of each. With random keys (version 4) a
 * filing changed 2.5–3 index pages that nothing had changed since the last checkpoint on PGlite
 * at 100,000 requests, 4.5–5.5 on a server at a million, and the first change to such a page
 * writes the whole page to the write-ahead log (bench/README.md, eleventh round).
 *
 * `at` dates a key made for a row of the past (the bench's data set); a key made now needs none.
 * The database's defaults make the same kind of key (`govdesk_uuid7()`, migration
 * 20261124T1900).
 */
export function newId(at?: Date): string {
  return at ? v7({ msecs: at.getTime() }) : v7();
}
