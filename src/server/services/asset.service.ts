import {
  assetScopeOf,
  canEditAssets,
  canViewAsset,
  addressProblems,
  changedFields,
  linkRefusal,
  normaliseAddresses,
  relationRefusal,
  type AssetScope,
} from '../../domain/asset-policies.js';
import { DomainError } from '../../domain/errors.js';
import { canViewRequest, requestScopeOf, type Actor, type RequestAccessFacts } from '../../domain/policies.js';
import { assetRepository, type AssetFilter, type AssetRow } from '../../db/repositories/asset.repository.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import type { Executor } from '../../db/database.js';
import type { AssetCreate, AssetRelationKind, AssetUpdate } from '../../shared/api/asset.schema.js';
import type { Origin, ServiceContext } from './context.js';

const unitNodes = async (executor: Executor) =>
  (await organisationRepository.listUnits(executor)).map((u) => ({ id: u.id, parentId: u.parent_id }));

const accessFacts = (r: {
  unit_id: string;
  created_by: string | null;
  applicant_user_id: string | null;
  assignee_id: string | null;
  status: RequestAccessFacts['status'];
}): RequestAccessFacts => ({
  unitId: r.unit_id,
  createdBy: r.created_by,
  applicantUserId: r.applicant_user_id,
  assigneeId: r.assignee_id,
  status: r.status,
});

/** Refuses addresses that are not IP addresses, naming each one. */
function requireAddresses(addresses: readonly string[] | undefined): void {
  const problems = addressProblems(addresses ?? []);
  if (problems.length === 0) return;
  throw new DomainError('validation_failed', {
    detail: { en: problems.map((p) => p.en).join('; '), zh: problems.map((p) => p.zh).join('；') },
    fields: problems.map((p) => ({
      field: p.field,
      in: 'body' as const,
      code: p.code,
      message: p.en,
      message_zh: p.zh,
    })),
  });
}

const assetNotFound = () =>
  new DomainError('not_found', { detail: { en: 'No such item in the asset register', zh: '資產清冊中查無此項目' } });

/** The fields of an item a change may touch, as the API names them. */
function editable(a: AssetRow) {
  return {
    name: a.name,
    rackLocation: a.rack_location,
    ipAddresses: a.ip_addresses,
    os: a.os,
    osVersion: a.os_version,
    brand: a.brand,
    model: a.model,
    serialNumber: a.serial_number,
    attributes: a.attributes as Record<string, unknown>,
  };
}

/**
 * The asset register (issue 6, ITSM-3): finding and reading items, changing them, relating them,
 * and pointing requests at them. Every change writes the item's history and the audit trail in
 * its transaction. Items come in by approved applications (workflow effects) or by hand.
 */
export function assetService(ctx: ServiceContext) {
  const { db } = ctx;

  async function scopeOf(executor: Executor, actor: Actor): Promise<AssetScope> {
    return assetScopeOf(actor, await unitNodes(executor));
  }

  /** Locks an item the actor may see; 404 for one they may not. */
  async function lockVisible(tx: Executor, actor: Actor, id: string): Promise<AssetRow> {
    const row = await assetRepository.lock(tx, id);
    if (!row || !canViewAsset(await scopeOf(tx, actor), { ownerUnitId: row.owner_unit_id })) throw assetNotFound();
    return row;
  }

  /** Locks an item for a change by a register keeper. */
  async function lockEditable(tx: Executor, actor: Actor, id: string): Promise<AssetRow> {
    const row = await lockVisible(tx, actor, id);
    if (!canEditAssets(actor)) throw new DomainError('forbidden');
    return row;
  }

  /** A request the actor may see, for pointing it at items; 404 otherwise. */
  async function visibleRequest(executor: Executor, actor: Actor, id: string, lock: boolean) {
    const row = lock ? await requestRepository.lock(executor, id) : await requestRepository.find(executor, id);
    if (!row) throw new DomainError('not_found');
    const scope = requestScopeOf(actor, await unitNodes(executor));
    if (!canViewRequest(actor, scope, accessFacts(row))) throw new DomainError('not_found');
    return row;
  }

  async function audit(tx: Executor, actor: Actor, action: string, id: string, origin: Origin, data: object) {
    await auditRepository.append(tx, {
      actorId: actor.userId,
      action,
      objectType: 'asset',
      objectId: id,
      ip: origin.ip,
      data: data as Record<string, unknown>,
    });
  }

  const service = {
    async list(actor: Actor, filter: AssetFilter, page: { page: number; pageSize: number }) {
      return assetRepository.list(db, await scopeOf(db, actor), filter, {
        offset: (page.page - 1) * page.pageSize,
        limit: page.pageSize,
      });
    },

    /** An item with its relations, history and requests, as far as the actor may see them. */
    async get(actor: Actor, id: string) {
      const scope = await scopeOf(db, actor);
      const row = await assetRepository.findWithUnit(db, id);
      if (!row || !canViewAsset(scope, { ownerUnitId: row.owner_unit_id })) throw assetNotFound();
      const [relations, history, requests, units] = await Promise.all([
        assetRepository.relationsOf(db, id),
        assetRepository.history(db, id),
        assetRepository.requestsOf(db, id, [row.moved_in_request_id, row.moved_out_request_id]),
        unitNodes(db),
      ]);
      const requestScope = requestScopeOf(actor, units);
      const visibleRelations = relations.filter((r) => canViewAsset(scope, { ownerUnitId: r.other_owner_unit_id }));
      return {
        row,
        relations: visibleRelations,
        hiddenRelations: relations.length - visibleRelations.length,
        history,
        requests: requests.map((r) => ({
          ...r,
          visible: canViewRequest(actor, requestScope, accessFacts(r)),
          relation:
            r.id === row.moved_in_request_id
              ? ('moved_in' as const)
              : r.id === row.moved_out_request_id
                ? ('moved_out' as const)
                : ('linked' as const),
        })),
        can: { edit: canEditAssets(actor) },
      };
    },

    /** Enters an item by hand (equipment already in the room, an information system). */
    async create(actor: Actor, input: Required<AssetCreate>, origin: Origin): Promise<string> {
      if (!canEditAssets(actor)) throw new DomainError('forbidden');
      requireAddresses(input.ipAddresses);
      const now = ctx.now();
      return db.transaction().execute(async (tx) => {
        if (await assetRepository.findByNumber(tx, input.assetNumber)) {
          throw new DomainError('conflict', {
            detail: { en: `Asset number ${input.assetNumber} is taken`, zh: `資產編號 ${input.assetNumber} 已使用` },
            fields: [
              {
                field: 'assetNumber',
                in: 'body',
                code: 'asset_number_taken',
                message: 'This asset number is taken',
                message_zh: '此資產編號已使用',
              },
            ],
          });
        }
        if (input.ownerUnitId && !(await organisationRepository.findUnit(tx, input.ownerUnitId))) {
          throw DomainError.field('ownerUnitId', 'unit_not_found', 'No such unit', '查無此單位');
        }
        const row = await assetRepository.insert(tx, {
          asset_number: input.assetNumber,
          name: input.name,
          kind: input.kind,
          status: 'in_service',
          owner_unit_id: input.ownerUnitId,
          rack_location: input.rackLocation,
          ip_addresses: normaliseAddresses(input.ipAddresses),
          os: input.os,
          os_version: input.osVersion,
          brand: input.brand,
          model: input.model,
          serial_number: input.serialNumber,
          attributes: JSON.stringify(input.attributes),
          moved_in_request_id: null,
          in_service_since: input.inServiceSince,
          created_at: now,
          updated_at: now,
        });
        await assetRepository.appendHistory(tx, {
          assetId: row.id,
          kind: 'registered',
          requestId: null,
          actorId: actor.userId,
          at: now,
          data: { byHand: true },
        });
        await audit(tx, actor, 'asset.created', row.id, origin, {
          assetNumber: row.asset_number,
          name: row.name,
          kind: row.kind,
          ownerUnitId: row.owner_unit_id,
        });
        return row.id;
      });
    },

    /** Changes an item; the history and the audit record name every changed field with its old and new value. */
    async update(actor: Actor, id: string, input: AssetUpdate, origin: Origin): Promise<void> {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        const row = await lockEditable(tx, actor, id);
        requireAddresses(input.ipAddresses);
        const after = {
          ...input,
          ...(input.ipAddresses ? { ipAddresses: normaliseAddresses(input.ipAddresses) } : {}),
        };
        const changes = changedFields(editable(row), after);
        if (Object.keys(changes).length === 0) return;
        const next = { ...editable(row), ...after };
        await assetRepository.update(
          tx,
          id,
          {
            name: next.name,
            rack_location: next.rackLocation,
            ip_addresses: next.ipAddresses,
            os: next.os,
            os_version: next.osVersion,
            brand: next.brand,
            model: next.model,
            serial_number: next.serialNumber,
            attributes: JSON.stringify(next.attributes),
          },
          now,
        );
        await assetRepository.appendHistory(tx, {
          assetId: id,
          kind: 'updated',
          requestId: null,
          actorId: actor.userId,
          at: now,
          data: { changes },
        });
        await audit(tx, actor, 'asset.updated', id, origin, { assetNumber: row.asset_number, changes });
      });
    },

    /** Relates one item to another ("from → to"); both items' histories record it. */
    async relate(actor: Actor, id: string, toId: string, kind: AssetRelationKind, origin: Origin): Promise<void> {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        const from = await lockEditable(tx, actor, id);
        const to = await assetRepository.lock(tx, toId);
        if (!to) throw DomainError.field('toAssetId', 'asset_not_found', 'No such item', '查無此資產');
        const refusal = relationRefusal(from, to, kind, await assetRepository.relationsAmong(tx, [from.id, to.id]));
        if (refusal) {
          const fields = [
            {
              field: refusal.field,
              in: 'body' as const,
              code: refusal.code,
              message: refusal.en,
              message_zh: refusal.zh,
            },
          ];
          throw new DomainError(refusal.conflict ? 'conflict' : 'validation_failed', {
            detail: { en: `${refusal.field}: ${refusal.en}`, zh: `${refusal.field}：${refusal.zh}` },
            fields,
          });
        }
        await assetRepository.relate(tx, from.id, to.id, kind, actor.userId, now);
        await recordRelation(tx, actor, 'related', from, to, kind, now, origin);
      });
    },

    /** Removes a relation; 404 when the items are not related that way. */
    async unrelate(actor: Actor, id: string, toId: string, kind: AssetRelationKind, origin: Origin): Promise<void> {
      const now = ctx.now();
      await db.transaction().execute(async (tx) => {
        const from = await lockEditable(tx, actor, id);
        const to = await assetRepository.lock(tx, toId);
        if (!to || !(await assetRepository.unrelate(tx, from.id, to.id, kind))) {
          throw new DomainError('not_found', {
            detail: { en: 'The items are not related this way', zh: '兩項資產沒有這項關聯' },
          });
        }
        await recordRelation(tx, actor, 'unrelated', from, to, kind, now, origin);
      });
    },

    /** The items a request points at (those the actor may see), and whether they may change that. */
    async requestAssets(actor: Actor, requestId: string) {
      const request = await visibleRequest(db, actor, requestId, false);
      const scope = await scopeOf(db, actor);
      const all = await assetRepository.assetsOfRequest(db, requestId);
      const items = all.filter((a) => canViewAsset(scope, { ownerUnitId: a.owner_unit_id }));
      return {
        items,
        hidden: all.length - items.length,
        canLink: linkRefusal(actor, accessFacts(request), true) === null,
      };
    },

    /** Points a request or incident at an item; answers whether it was new. */
    async link(actor: Actor, requestId: string, assetId: string, origin: Origin): Promise<boolean> {
      return changeLink(actor, requestId, assetId, 'linked', origin);
    },

    /** Points a request no longer at an item. */
    async unlink(actor: Actor, requestId: string, assetId: string, origin: Origin): Promise<void> {
      await changeLink(actor, requestId, assetId, 'unlinked', origin);
    },
  };

  async function recordRelation(
    tx: Executor,
    actor: Actor,
    kind: 'related' | 'unrelated',
    from: AssetRow,
    to: AssetRow,
    relation: AssetRelationKind,
    at: Date,
    origin: Origin,
  ) {
    const side = (other: AssetRow, direction: 'outgoing' | 'incoming') => ({
      relation,
      direction,
      assetId: other.id,
      assetNumber: other.asset_number,
      name: other.name,
    });
    await assetRepository.appendHistory(tx, {
      assetId: from.id,
      kind,
      requestId: null,
      actorId: actor.userId,
      at,
      data: side(to, 'outgoing'),
    });
    await assetRepository.appendHistory(tx, {
      assetId: to.id,
      kind,
      requestId: null,
      actorId: actor.userId,
      at,
      data: side(from, 'incoming'),
    });
    await audit(tx, actor, `asset.${kind}`, from.id, origin, {
      from: from.asset_number,
      to: to.asset_number,
      toAssetId: to.id,
      relation,
    });
  }

  async function changeLink(
    actor: Actor,
    requestId: string,
    assetId: string,
    kind: 'linked' | 'unlinked',
    origin: Origin,
  ): Promise<boolean> {
    const now = ctx.now();
    return db.transaction().execute(async (tx) => {
      const request = await visibleRequest(tx, actor, requestId, true);
      const asset = await assetRepository.lock(tx, assetId);
      const visible =
        asset !== undefined && canViewAsset(await scopeOf(tx, actor), { ownerUnitId: asset.owner_unit_id });
      const refusal = linkRefusal(actor, accessFacts(request), visible);
      if (refusal === 'asset_not_found' || !asset) throw assetNotFound();
      if (refusal) throw new DomainError(refusal);
      const changed =
        kind === 'linked'
          ? await assetRepository.link(tx, requestId, assetId, actor.userId)
          : await assetRepository.unlink(tx, requestId, assetId);
      if (!changed) {
        if (kind === 'linked') return false;
        throw new DomainError('not_found', {
          detail: { en: 'The request does not point at this item', zh: '此申請單未關聯此資產' },
        });
      }
      await assetRepository.appendHistory(tx, {
        assetId,
        kind,
        requestId,
        actorId: actor.userId,
        at: now,
        data: { number: request.number },
      });
      await auditRepository.append(tx, {
        actorId: actor.userId,
        action: `request.asset_${kind}`,
        objectType: 'request',
        objectId: requestId,
        ip: origin.ip,
        data: { number: request.number, assetId, assetNumber: asset.asset_number },
      });
      return true;
    });
  }

  return service;
}
export type AssetService = ReturnType<typeof assetService>;
