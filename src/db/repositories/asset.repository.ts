import { sql, type Insertable, type Selectable } from 'kysely';
import type { AssetScope } from '../../domain/asset-policies.js';
import type { Executor } from '../database.js';
import type { AssetHistoryTable, AssetRelationsTable, AssetsTable } from '../schema.js';
import { escapeLike } from './organisation.repository.js';
import { plannedPerCall } from '../preparable.js';

export type AssetRow = Selectable<AssetsTable>;
export type NewAsset = Insertable<AssetsTable>;
export type AssetHistoryKind = AssetHistoryTable['kind'];
export type AssetRelationKind = AssetRelationsTable['kind'];

export type AssetFilter = {
  text?: string | undefined;
  statuses?: ReadonlyArray<AssetRow['status']> | undefined;
  kind?: string | undefined;
  unitId?: string | undefined;
};

/** The asset register (issue 6, ITSM-3): items, their history, and the requests pointing at them. */
export const assetRepository = {
  async insert(db: Executor, asset: NewAsset): Promise<AssetRow> {
    return db.insertInto('assets').values(asset).returningAll().executeTakeFirstOrThrow();
  },

  find(db: Executor, id: string): Promise<AssetRow | undefined> {
    return db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** By asset number, case-insensitively (numbers are unique regardless of case). */
  findByNumber(db: Executor, assetNumber: string): Promise<AssetRow | undefined> {
    return db
      .selectFrom('assets')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['asset_number']), '=', assetNumber.trim().toLowerCase()))
      .executeTakeFirst();
  },

  /** Locks the item for a change in this transaction. */
  lock(db: Executor, id: string): Promise<AssetRow | undefined> {
    return db.selectFrom('assets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async update(
    db: Executor,
    id: string,
    changes: Partial<Omit<NewAsset, 'id' | 'created_at'>>,
    at: Date,
  ): Promise<AssetRow> {
    return db
      .updateTable('assets')
      .set({ ...changes, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async appendHistory(
    db: Executor,
    entry: {
      assetId: string;
      kind: AssetHistoryKind;
      requestId: string | null;
      actorId: string | null;
      at: Date;
      data?: Record<string, unknown>;
    },
  ): Promise<void> {
    await db
      .insertInto('asset_history')
      .values({
        asset_id: entry.assetId,
        kind: entry.kind,
        request_id: entry.requestId,
        actor_id: entry.actorId,
        at: entry.at,
        data: JSON.stringify(entry.data ?? {}),
      })
      .execute();
  },

  /** Points a request at an item (the application that moved it, an incident that concerns it). */
  async link(db: Executor, requestId: string, assetId: string, actorId: string | null): Promise<boolean> {
    const inserted = await db
      .insertInto('request_assets')
      .values({ request_id: requestId, asset_id: assetId, created_by: actorId })
      .onConflict((oc) => oc.columns(['request_id', 'asset_id']).doNothing())
      .returning('asset_id')
      .executeTakeFirst();
    return inserted !== undefined;
  },
  /** Points a request no longer at an item; false when it did not. */
  async unlink(db: Executor, requestId: string, assetId: string): Promise<boolean> {
    const deleted = await db
      .deleteFrom('request_assets')
      .where('request_id', '=', requestId)
      .where('asset_id', '=', assetId)
      .returning('asset_id')
      .executeTakeFirst();
    return deleted !== undefined;
  },

  /** An item with the name of its owner unit. */
  findWithUnit(db: Executor, id: string) {
    return db
      .selectFrom('assets as a')
      .leftJoin('units as u', 'u.id', 'a.owner_unit_id')
      .selectAll('a')
      .select('u.name as owner_unit_name')
      .where('a.id', '=', id)
      .executeTakeFirst();
  },

  /** The items in a scope, filtered, by asset number, one page of them with the total. */
  async list(db: Executor, scope: AssetScope, filter: AssetFilter, page: { offset: number; limit: number }) {
    let base = db.selectFrom('assets as a').leftJoin('units as u', 'u.id', 'a.owner_unit_id');
    if (!scope.all) {
      if (scope.unitIds.length === 0) return { rows: [], total: 0 };
      base = base.where('a.owner_unit_id', 'in', scope.unitIds);
    }
    if (filter.statuses?.length) base = base.where('a.status', 'in', [...filter.statuses]);
    if (filter.kind) base = base.where('a.kind', '=', filter.kind);
    if (filter.unitId) base = base.where('a.owner_unit_id', '=', filter.unitId);
    if (filter.text) {
      const like = `%${escapeLike(filter.text)}%`;
      base = base.where((eb) =>
        eb.or([
          eb('a.asset_number', 'ilike', like),
          eb('a.name', 'ilike', like),
          eb('a.serial_number', 'ilike', like),
          eb(sql<string>`array_to_string(a.ip_addresses, ' ')`, 'ilike', like),
        ]),
      );
    }
    const rows = await base
      .selectAll('a')
      .select('u.name as owner_unit_name')
      .orderBy(sql`lower(a.asset_number)`)
      .orderBy('a.id')
      .offset(page.offset)
      .limit(page.limit)
      .modifyEnd(plannedPerCall)
      .execute();
    const count = await base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .modifyEnd(plannedPerCall)
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  },

  /** The relations of an item in both directions, with the other item. */
  relationsOf(db: Executor, id: string) {
    const side = (direction: 'outgoing' | 'incoming') =>
      db
        .selectFrom('asset_relations as r')
        .innerJoin('assets as o', 'o.id', direction === 'outgoing' ? 'r.to_asset_id' : 'r.from_asset_id')
        .leftJoin('users as c', 'c.id', 'r.created_by')
        .select([
          'r.kind',
          'r.created_at',
          'c.display_name as created_by_name',
          'o.id as other_id',
          'o.asset_number as other_number',
          'o.name as other_name',
          'o.kind as other_kind',
          'o.status as other_status',
          'o.owner_unit_id as other_owner_unit_id',
        ])
        .where(direction === 'outgoing' ? 'r.from_asset_id' : 'r.to_asset_id', '=', id)
        .orderBy('r.created_at')
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, direction })));
    return Promise.all([side('outgoing'), side('incoming')]).then(([out, inc]) => [...out, ...inc]);
  },

  /** The relations between the given items, in either direction. */
  relationsAmong(db: Executor, ids: readonly string[]) {
    return db
      .selectFrom('asset_relations')
      .select(['from_asset_id as fromId', 'to_asset_id as toId', 'kind'])
      .where('from_asset_id', 'in', [...ids])
      .where('to_asset_id', 'in', [...ids])
      .execute();
  },

  async relate(db: Executor, fromId: string, toId: string, kind: AssetRelationKind, actorId: string, at: Date) {
    await db
      .insertInto('asset_relations')
      .values({ from_asset_id: fromId, to_asset_id: toId, kind, created_by: actorId, created_at: at })
      .execute();
  },

  /** Removes a relation; false when there was none. */
  async unrelate(db: Executor, fromId: string, toId: string, kind: AssetRelationKind): Promise<boolean> {
    const deleted = await db
      .deleteFrom('asset_relations')
      .where('from_asset_id', '=', fromId)
      .where('to_asset_id', '=', toId)
      .where('kind', '=', kind)
      .returning('kind')
      .executeTakeFirst();
    return deleted !== undefined;
  },

  /** An item's history, oldest first, with who acted and the request involved. */
  history(db: Executor, id: string) {
    return db
      .selectFrom('asset_history as h')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .leftJoin('requests as r', 'r.id', 'h.request_id')
      .selectAll('h')
      .select(['u.display_name as actor_name', 'r.number as request_number'])
      .where('h.asset_id', '=', id)
      .orderBy('h.id')
      .execute();
  },

  /** The requests pointed at an item, and any others named (the applications that moved it). */
  requestsOf(db: Executor, id: string, alsoIds: ReadonlyArray<string | null>) {
    const also = alsoIds.filter((x): x is string => x !== null);
    return db
      .selectFrom('requests as r')
      .leftJoin('request_assets as l', (join) => join.onRef('l.request_id', '=', 'r.id').on('l.asset_id', '=', id))
      .leftJoin('users as c', 'c.id', 'l.created_by')
      .select([
        'r.id',
        'r.number',
        'r.type',
        'r.status',
        'r.title',
        'r.unit_id',
        'r.created_by',
        'r.applicant_user_id',
        'r.assignee_id',
        'l.created_at as linked_at',
        'c.display_name as linked_by_name',
      ])
      .where((eb) => eb.or([eb('l.asset_id', 'is not', null), ...(also.length > 0 ? [eb('r.id', 'in', also)] : [])]))
      .orderBy('r.created_at')
      .execute();
  },

  /** The items a request points at, with their owner units, by asset number. */
  assetsOfRequest(db: Executor, requestId: string) {
    return db
      .selectFrom('request_assets as l')
      .innerJoin('assets as a', 'a.id', 'l.asset_id')
      .leftJoin('units as u', 'u.id', 'a.owner_unit_id')
      .selectAll('a')
      .select('u.name as owner_unit_name')
      .where('l.request_id', '=', requestId)
      .orderBy(sql`lower(a.asset_number)`)
      .execute();
  },
};
