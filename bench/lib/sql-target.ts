import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { PGlitePool } from '../../src/db/pglite-pool.js';
import { copyInto } from './copy-load.js';

/** The one thing the bench needs from a database: run SQL with parameters, get rows back. */
export type SqlTarget = {
  kind: 'postgresql' | 'pglite';
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
  /** `COPY <table> (<columns>) FROM STDIN` of text-format lines: PostgreSQL servers only. */
  copy?: (table: string, columns: readonly string[], chunks: Iterable<string | Uint8Array>) => Promise<void>;
  /**
   * A statement as GovDesk's embedded pool runs it, prepared once (src/db/pglite-pool.ts): PGlite
   * only (`query` plans every statement anew; a server's probes prepare on their own connections).
   */
  prepared?: (text: string, params: unknown[]) => Promise<unknown>;
  /** Another connection to the same database: PostgreSQL servers only (PGlite has one). */
  connectAgain?: () => Promise<SqlTarget>;
};

/** A PostgreSQL server (`postgres://…`) or a PGlite folder (anything else). */
export async function openTarget(where: string): Promise<SqlTarget> {
  if (where.startsWith('postgres://') || where.startsWith('postgresql://')) {
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    return {
      kind: 'postgresql',
      query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
      close: () => client.end(),
      copy: (table, columns, chunks) => copyInto(client, table, columns, chunks),
      connectAgain: () => openTarget(where),
    };
  }
  // GovDesk's schema has a trigram index: PGlite must load pg_trgm to write to `requests`.
  const db = await PGlite.create(where, { extensions: { pg_trgm } });
  // The pool's one connection is taken for good; `close` closes the database under it.
  const pooled = await new PGlitePool(db).connect();
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    prepared: (text, params) => pooled.query(text, params),
    close: () => db.close(),
  };
}
