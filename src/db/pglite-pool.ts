import { parse, type PGlite, type Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import { columnsOf, Reply, type Column, type ReplyMessage } from './pglite-reply.js';
import { MAX_PREPARED_PER_CONNECTION, planChanged, statementKind, transactionEffect } from './preparable.js';

let pools = 0;

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

/**
 * What the pool knows of a statement text: the name it is prepared under (empty for one planned
 * per call, parsed again as the unnamed statement at every call), its parameters' types, and the
 * columns of its rows (kept for a prepared one only).
 */
type Described = { name: string; parameterTypes: number[]; columns: Column[] | undefined };

/**
 * Presents one embedded PGlite database as the connection pool Kysely's PostgreSQL dialect
 * expects, so the embedded and the server database share one dialect and one query layer.
 *
 * PGlite is a single connection: a transaction must own it from BEGIN to COMMIT. `connect()`
 * therefore hands the connection out to one caller at a time, in arrival order, and the next
 * caller waits until `release()`.
 *
 * Queries run as named prepared statements (issue 7), as on a server (src/db/prepared-pool.ts).
 * PGlite's own `query()` parses and plans every statement anew and drives the protocol in six
 * round trips (parse, describe, bind, describe, execute, sync). Here a statement is parsed and
 * described once; after that a call is one round trip of bind, execute and sync, and the plan is
 * PostgreSQL's cached one. A query marked `plannedPerCall` is parsed and planned at every call, in
 * one round trip too (parse, bind, describe, execute, sync), with its parameters' types known from
 * its first call. The replies are read by node-postgres's protocol parser, which decodes a field
 * straight from the reply's buffer (PGlite's own copies each field into a new buffer first: the
 * largest cost in JavaScript of a page of fifty rows), and the messages sent are written by its
 * serialiser (PGlite's own took 5% of a filing's time to write the Bind messages). Values are
 * serialised and fields parsed by PGlite's own type maps, so results are the ones `query()` gives.
 * Transaction control is one simple Query message; schema changes and any texts beyond
 * MAX_PREPARED_PER_CONNECTION go through `query()`.
 */
export class PGlitePool implements PostgresPool {
  #queue: Promise<void> = Promise.resolve();
  readonly #described = new Map<string, Described>();
  /** Names this pool's statements apart from another pool's on the same database (tests open two). */
  readonly #prefix = `gd${++pools}_`;
  #named = 0;
  readonly #replies = new Parser();

  constructor(
    private readonly pglite: PGlite,
    private readonly maxPrepared = MAX_PREPARED_PER_CONNECTION,
  ) {}

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
    let released = false;
    const client = {
      query: async <R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
        if (parameters.length === 0 && transactionEffect(sql)) return this.#control(sql);
        const kind = statementKind(sql);
        const room = this.#described.has(sql) || this.#described.size < this.maxPrepared;
        const result =
          kind !== 'other' && room
            ? await this.#run<R>(sql, parameters, kind === 'reusable')
            : await this.pglite.query<R>(sql, parameters as unknown[]);
        const command = result.command ?? sql.trimStart().split(/\s/, 1)[0]!.toUpperCase();
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

  /**
   * Runs `sql`, prepared by name when `named`, describing it first if this pool has not. When a
   * schema change altered the columns of a prepared statement, PostgreSQL refuses its cached plan
   * ("cached plan must not change result type"): the statement is forgotten and, outside a
   * transaction (which the refusal aborted), prepared afresh and run again at once.
   */
  async #run<R>(sql: string, parameters: ReadonlyArray<unknown>, named: boolean): Promise<Results<R>> {
    try {
      return await this.pglite.runExclusive(() => this.#execute<R>(sql, parameters, named));
    } catch (error) {
      if (!planChanged(error)) throw withQuery(error, sql);
      this.#described.delete(sql);
      if (this.pglite.isInTransaction()) throw withQuery(error, sql);
      return await this.pglite.runExclusive(() => this.#execute<R>(sql, parameters, named));
    }
  }

  async #execute<R>(sql: string, parameters: ReadonlyArray<unknown>, named: boolean): Promise<Results<R>> {
    const statement = this.#described.get(sql) ?? (await this.#describe(sql, named));
    const values = parameters.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialise = this.pglite.serializers[statement.parameterTypes[i]!];
      return serialise ? serialise(value) : String(value);
    });
    const bind = serialize.bind({ statement: statement.name, values });
    // A prepared statement's columns came with its description; an unnamed one's come in its reply.
    const reply = new Reply<R>(this.pglite.parsers, statement.columns);
    await this.#exchange(
      named
        ? joined(bind, EXECUTE, SYNC)
        : joined(serialize.parse({ text: sql, types: statement.parameterTypes }), bind, DESCRIBE, EXECUTE, SYNC),
      (m) => reply.take(m),
    );
    return reply.result();
  }

  /**
   * Sends `message` (ending in Sync) and hands each message of the reply to `take`; throws the
   * first error the database reported, once the reply is read whole and the session is ready again.
   */
  async #exchange(message: Uint8Array, take: (m: ReplyMessage) => void): Promise<void> {
    let error: unknown;
    await this.pglite.execProtocolRawStream(message, {
      // A chunk is a view of the database's memory: copied, since a message may span two chunks.
      onRawData: (chunk) =>
        this.#replies.parse(Buffer.from(chunk), (m) => {
          if (m.name === 'error') error ??= m;
          else take(m as ReplyMessage);
        }),
    });
    if (error) throw error;
  }

  /**
   * Transaction control as one simple Query message. Through `query()` each BEGIN and COMMIT was
   * five protocol messages and PGlite's own reply parser: 2.7% of a filing's time.
   */
  async #control<R>(sql: string): Promise<PostgresQueryResult<R>> {
    let command = '';
    await this.pglite.runExclusive(() =>
      this.#exchange(serialize.query(sql), (m) => {
        if (m.name === 'commandComplete') command = (m as Extract<ReplyMessage, { name: 'commandComplete' }>).text;
      }),
    );
    return { command: command as PostgresQueryResult<R>['command'], rowCount: 0, rows: [] };
  }

  async #describe(sql: string, named: boolean): Promise<Described> {
    const name = named ? `${this.#prefix}${++this.#named}` : '';
    const described: BackendMessage[] = [];
    await this.#exchange(
      joined(serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), SYNC),
      (m) => described.push(m as BackendMessage),
    );
    const rowDescription = described.find((m) => m.name === 'rowDescription');
    const statement: Described = {
      name,
      parameterTypes: parse.parseDescribeStatementResults(described),
      columns: named && rowDescription ? columnsOf(rowDescription, this.pglite.parsers) : undefined,
    };
    this.#described.set(sql, statement);
    return statement;
  }
}

const SYNC = serialize.sync();
const EXECUTE = serialize.execute();
const DESCRIBE = serialize.describe({ type: 'P' });

function joined(...messages: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(messages.reduce((n, m) => n + m.byteLength, 0));
  let at = 0;
  for (const m of messages) {
    all.set(m, at);
    at += m.byteLength;
  }
  return all;
}

/** The statement an error came from, as PGlite's `query()` names it on its errors. */
function withQuery(error: unknown, sql: string): unknown {
  if (error && typeof error === 'object' && !('query' in error)) Object.assign(error, { query: sql });
  return error;
}
