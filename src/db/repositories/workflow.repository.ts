import type { RequestType } from '../../shared/request-vocabulary.js';
import type { Executor } from '../database.js';

/** Published workflow definitions by type and version (issue 3); rows are only ever added. */
export const workflowRepository = {
  all(db: Executor) {
    return db
      .selectFrom('workflow_definitions')
      .select(['type', 'version', 'definition'])
      .orderBy('type')
      .orderBy('version')
      .execute();
  },

  /** Adds a version unless it exists; true when it was added. */
  insert(
    db: Executor,
    row: { type: RequestType; version: number; definition: unknown; createdAt: Date; createdBy: string | null },
  ): Promise<boolean> {
    return db
      .insertInto('workflow_definitions')
      .values({
        type: row.type,
        version: row.version,
        definition: JSON.stringify(row.definition),
        created_at: row.createdAt,
        created_by: row.createdBy,
      })
      .onConflict((oc) => oc.columns(['type', 'version']).doNothing())
      .returning('version')
      .executeTakeFirst()
      .then((r) => r !== undefined);
  },

  /** The versions of a type, with who published them. */
  versions(db: Executor, type: RequestType) {
    return db
      .selectFrom('workflow_definitions as w')
      .leftJoin('users as u', 'u.id', 'w.created_by')
      .select(['w.type', 'w.version', 'w.created_at', 'u.display_name as created_by_name'])
      .where('w.type', '=', type)
      .orderBy('w.version', 'desc')
      .execute();
  },

  /** How many requests run on each version of a type. */
  async requestsPerVersion(db: Executor, type: RequestType): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('requests')
      .select(['workflow_version', (eb) => eb.fn.countAll<number>().as('n')])
      .where('type', '=', type)
      .where('workflow_version', 'is not', null)
      .groupBy('workflow_version')
      .execute();
    return new Map(rows.map((r) => [Number(r.workflow_version), Number(r.n)]));
  },

  /** The highest version of each type, to notice versions another process published. */
  fingerprint(db: Executor) {
    return db
      .selectFrom('workflow_definitions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('version').as('max')])
      .executeTakeFirstOrThrow()
      .then((r) => `${Number(r.n)}:${String(r.max)}`);
  },
};
