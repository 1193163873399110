import type { Compilable, CompiledQuery, RawBuilder } from 'kysely';
import type { Executor } from './database.js';

/** Where a call's value goes in a fixed statement's parameters. */
class Slot {
  constructor(readonly name: string) {}
}

/** The values of a fixed statement, as the builder sees them: placeholders of their types. */
export type Slots<V> = { readonly [K in keyof V]: V[K] };

/**
 * A statement whose text is the same at every call and only its values change, built and compiled
 * by Kysely once and then run with each call's values bound in their places (issue 7). Building
 * the caller's statement (its roles and the deputyship rules, on every API call) took 6% of the
 * server's busy time in PGlite's profile of the agent's queue, more than running it.
 *
 * The builder gets placeholders for the values: use them wherever Kysely takes a value
 * (`where('t.token_hash', '=', v.tokenHash)`, `sql\`… ${v.now}\``), never for a list (`in`) or
 * anything that shapes the text (a limit, an optional filter): those would be fixed at the first
 * call. A statement whose shape depends on its values is built at each call as usual. The builder
 * may return a query builder or a whole `sql` template (a step's statement of CTEs). The
 * statement is compiled with the plugins of the executor of its first call (GovDesk's have none).
 */
export function fixedStatement<V extends Record<string, unknown>, O>(
  build: (db: Executor, values: Slots<V>) => Compilable<O> | RawBuilder<O>,
): (db: Executor, values: V) => Promise<O[]> {
  let compiled: CompiledQuery<O> | undefined;
  const slots = new Proxy({} as Slots<V>, { get: (_, name) => new Slot(String(name)) });
  return async (db, values) => {
    compiled ??= compile(db, build(db, slots));
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? valueOf(values, p.name) : p));
    const result = await db.executeQuery<O>({ ...compiled, parameters });
    return result.rows;
  };
}

/** A query builder compiles itself; a `sql` template compiles with an executor. */
function compile<O>(db: Executor, statement: Compilable<O> | RawBuilder<O>): CompiledQuery<O> {
  return 'isRawBuilder' in statement ? statement.compile(db) : statement.compile();
}

function valueOf(values: Record<string, unknown>, name: string): unknown {
  if (!(name in values)) throw new Error(`fixed statement: no value for "${name}"`);
  return values[name];
}
