import { isIpAddress, type AssetRelationKind } from '../shared/api/asset.schema.js';
import type { Role } from '../shared/roles.js';
import {
  canCommentOn,
  descendantsOf,
  hasRole,
  SUPERVISOR_ROLES,
  type Actor,
  type RequestAccessFacts,
  type UnitNode,
} from './policies.js';

/**
 * Who may see and change the asset register (issue 6, ITSM-3). Pure functions of the actor and the
 * item, like policies.ts. An item the caller may not see answers 404; a change they may not make
 * to an item they see answers 403.
 */

/** The data-centre, security and service staff, the desk, auditors and administrators read every item. */
export const ASSET_READ_ALL_ROLES: readonly Role[] = [
  'dc_admin',
  'asset_keeper',
  'security_officer',
  'network_admin',
  'antivirus_officer',
  'mdr_officer',
  'vans_officer',
  'netsec_chief',
  'it_officer',
  'it_chief',
  'desk_agent',
  'onsite_manager',
  'auditor',
  'admin',
];

/** The data-centre administrator and the asset-register keeper keep the register (001 三.1). */
export const ASSET_EDIT_ROLES: readonly Role[] = ['dc_admin', 'asset_keeper', 'admin'];

/** The items an actor may see: all of them, or those owned by some units. */
export type AssetScope = { all: true } | { all: false; unitIds: string[] };

/**
 * Everyone else on the agency's staff reads the items of their own unit and of the units they
 * supervise (and the sections below). Contractors, vendors and companies do not: the register holds
 * addresses and rack places.
 */
export function assetScopeOf(actor: Actor, units: readonly UnitNode[]): AssetScope {
  if (hasRole(actor, ASSET_READ_ALL_ROLES)) return { all: true };
  if (actor.kind !== 'staff') return { all: false, unitIds: [] };
  const roots = new Set<string>();
  if (actor.unitId) roots.add(actor.unitId);
  for (const r of actor.roles) {
    if (SUPERVISOR_ROLES.includes(r.role) && r.unitId) roots.add(r.unitId);
  }
  return { all: false, unitIds: [...descendantsOf(roots, units)] };
}

export function canViewAsset(scope: AssetScope, asset: { ownerUnitId: string | null }): boolean {
  if (scope.all) return true;
  return asset.ownerUnitId !== null && scope.unitIds.includes(asset.ownerUnitId);
}

/** Change an item, enter one by hand, relate items. */
export function canEditAssets(actor: Actor): boolean {
  return hasRole(actor, ASSET_EDIT_ROLES);
}

/** Abilities the web app shows its menu by. */
export function assetAbilitiesOf(actor: Actor): { readAllAssets: boolean; manageAssets: boolean } {
  return { readAllAssets: hasRole(actor, ASSET_READ_ALL_ROLES), manageAssets: canEditAssets(actor) };
}

/**
 * Pointing a request or incident at an item: whoever may comment on the request (which they see)
 * and sees the item. Null when they may; otherwise why not, as the HTTP answer to give.
 */
export function linkRefusal(
  actor: Actor,
  request: RequestAccessFacts,
  assetVisible: boolean,
): null | 'asset_not_found' | 'request_closed' | 'forbidden' {
  if (!assetVisible) return 'asset_not_found';
  if (canCommentOn(actor, request)) return null;
  return actor.kind === 'external' ? 'forbidden' : 'request_closed';
}

/** Why a relation between two items cannot be made, or null. */
export function relationRefusal(
  from: { id: string },
  to: { id: string },
  kind: AssetRelationKind,
  existing: ReadonlyArray<{ fromId: string; toId: string; kind: AssetRelationKind }>,
): null | { field: string; code: string; en: string; zh: string; conflict?: true } {
  if (from.id === to.id) {
    return {
      field: 'toAssetId',
      code: 'same_asset',
      en: 'An item cannot relate to itself',
      zh: '資產不能與自己建立關聯',
    };
  }
  if (existing.some((r) => r.fromId === from.id && r.toId === to.id && r.kind === kind)) {
    return {
      field: 'toAssetId',
      code: 'already_related',
      en: 'The items are already related this way',
      zh: '兩項資產已有相同的關聯',
      conflict: true,
    };
  }
  // "part of" is a tree: an item is not part of something that is part of it.
  if (kind === 'part_of' && existing.some((r) => r.kind === 'part_of' && r.fromId === to.id && r.toId === from.id)) {
    return {
      field: 'toAssetId',
      code: 'relation_cycle',
      en: 'The other item is already part of this one',
      zh: '對方資產已是本項資產的一部分',
    };
  }
  return null;
}

type Comparable = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

/** The fields that differ, with their old and new values, for the history and the audit trail. */
export function changedFields<T extends Record<string, Comparable>>(
  before: T,
  after: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    const next = after[key];
    if (next === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(next)) changes[key] = { before: before[key], after: next };
  }
  return changes;
}

/** Addresses as stored: trimmed, without repeats, in the order given. */
export function normaliseAddresses(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
}

/** The addresses that are not one IPv4 or IPv6 address, as field problems (`ipAddresses.1`). */
export function addressProblems(
  addresses: readonly string[],
): Array<{ field: string; code: string; en: string; zh: string }> {
  return addresses.flatMap((a, i) =>
    isIpAddress(a.trim())
      ? []
      : [
          {
            field: `ipAddresses.${i}`,
            code: 'invalid_ip',
            en: `“${a}” is not an IPv4 or IPv6 address`,
            zh: `「${a}」不是有效的 IPv4 或 IPv6 位址`,
          },
        ],
  );
}
