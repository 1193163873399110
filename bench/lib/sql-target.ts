import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The one thing the bench needs from a database: run SQL with parameters, get rows back. */
export type SqlTarget = {
  kind: 'postgresql' | 'pglite';
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
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
    };
  }
  const db = await PGlite.create(where);
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    close: () => db.close(),
  };
}
