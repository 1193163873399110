import fs from 'node:fs/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect, sql, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { MIGRATIONS } from './migrations/index.js';
import { answerFileSizesFromMemory } from './pglite-file-sizes.js';
import { PGlitePool } from './pglite-pool.js';
import { PreparingPool } from './prepared-pool.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgresql';

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The embedded database's data directory as a tar file (what `template` takes); PGlite only. */
  dump?: () => Promise<Blob>;
};

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise the embedded PGlite
 * database in `dataDir` (created on first use, or started from `template`, a data directory
 * PGlite dumped: the test suite's migrated database, which saves each test file an initdb). Both
 * read `date` as `YYYY-MM-DD` text and `bigint` as a number, so the code above sees the same
 * values whichever runs.
 */
export async function openDatabase(options: {
  url?: string | undefined;
  dataDir: string;
  template?: Blob | undefined;
  /** Send statements to a server as named prepared statements (the default; src/db/prepared-pool.ts). */
  prepare?: boolean | undefined;
}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      // No parallel workers for GovDesk's statements: at ten connections on two cores, a list
      // whose plan went parallel waited for its workers to start (a two-character search at a
      // million: 106 ms alone, 37 ms without them), and none of its statements ran faster with
      // them (bench/README.md, eighth round). An `options` in the URL replaces this one.
      options: '-c max_parallel_workers_per_gather=0',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return (v: string) => v;
          if (oid === INT8_OID) return (v: string) => Number(v);
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (restart, administrator command) must not crash the
    // process: the pool drops it and opens a new one when next needed.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const dialect = new PostgresDialect({ pool: options.prepare === false ? pool : new PreparingPool(pool) });
    const db = new Kysely<Database>({ dialect });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  // `memory://` keeps the database in memory (tests); anything else is a folder on disk.
  if (!options.dataDir.startsWith('memory://')) await fs.mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, {
    // The trigram index of the free-text search (migration 20261123T1000); a PostgreSQL server
    // has it in its contrib package.
    extensions: { pg_trgm },
    ...(options.template ? { loadDataDir: options.template } : {}),
    parsers: {
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.INT8]: (v: string) => Number(v),
    },
  });
  answerFileSizesFromMemory(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  return { db, kind: 'pglite', close: () => db.destroy(), dump: () => pglite.dumpDataDir('none') };
}

/**
 * Whether the database has applied exactly the migrations this code knows: one table lookup and
 * one read. Kysely's migrator, which answers the same on every start, first looks through the
 * catalogue for its tables (twice) and takes its lock: a fifth of a second on PGlite.
 */
async function upToDate(db: Db): Promise<boolean> {
  const table = sql<{ present: boolean }>`select to_regclass('kysely_migration') is not null as present`;
  if (!(await table.execute(db)).rows[0]?.present) return false;
  const applied = new Set(
    (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name),
  );
  // One the code does not know (a newer release's) is the migrator's error to report.
  return applied.size === MIGRATIONS.length && MIGRATIONS.every((m) => applied.has(m.name));
}

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrations: Record<string, Migration> = {};
  for (const m of MIGRATIONS) {
    migrations[m.name] = {
      async up(kdb) {
        for (const statement of m.up) await sql.raw(statement).execute(kdb);
      },
    };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
