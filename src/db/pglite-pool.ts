import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one embedded PGlite database as the connection pool Kysely's PostgreSQL dialect
 * expects, so the embedded and the server database share one dialect and one query layer.
 *
 * PGlite is a single connection: a transaction must own it from BEGIN to COMMIT. `connect()`
 * therefore hands the connection out to one caller at a time, in arrival order, and the next
 * caller waits until `release()`.
 */
export class PGlitePool implements PostgresPool {
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#queue;
    this.#queue = acquired.then(() => released);
    return acquired.then(() => this.#client(release));
  }

  async end(): Promise<void> {
    await this.#queue;
    await this.pglite.close();
  }

  #client(release: () => void): PostgresPoolClient {
    const pglite = this.pglite;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await pglite.query<R>(sql, parameters as unknown[]);
        const command = (result as { command?: string }).command ?? sql.trimStart().split(/\s/, 1)[0]!.toUpperCase();
        return {
          command: command as PostgresQueryResult<R>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release() {
        if (!released) {
          released = true;
          release();
        }
      },
    };
    return client as PostgresPoolClient;
  }
}
