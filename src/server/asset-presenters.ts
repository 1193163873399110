import type { AssetRow } from '../db/repositories/asset.repository.js';
import type { AssetDetail, AssetSummary, RequestAssets } from '../shared/api/asset.schema.js';
import type { AssetService } from './services/asset.service.js';

/** The asset register's rows turned into the API's shapes (src/shared/api/asset.schema.ts). */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAssetSummary(a: AssetRow & { owner_unit_name: string | null }): AssetSummary {
  return {
    id: a.id,
    assetNumber: a.asset_number,
    name: a.name,
    kind: a.kind,
    status: a.status,
    ownerUnit: a.owner_unit_id ? { id: a.owner_unit_id, name: a.owner_unit_name ?? '' } : null,
    rackLocation: a.rack_location,
    ipAddresses: a.ip_addresses,
    os: a.os,
    osVersion: a.os_version,
    inServiceSince: a.in_service_since,
    updatedAt: iso(a.updated_at),
  };
}

type Detail = Awaited<ReturnType<AssetService['get']>>;

export function presentAssetDetail(d: Detail): AssetDetail {
  const a = d.row;
  return {
    ...presentAssetSummary(a),
    brand: a.brand,
    model: a.model,
    serialNumber: a.serial_number,
    attributes: a.attributes,
    evidence: a.evidence,
    retiredOn: a.retired_on,
    createdAt: iso(a.created_at),
    relations: d.relations.map((r) => ({
      direction: r.direction,
      kind: r.kind,
      asset: {
        id: r.other_id,
        assetNumber: r.other_number,
        name: r.other_name,
        kind: r.other_kind,
        status: r.other_status,
      },
      createdAt: iso(r.created_at),
      createdBy: r.created_by_name,
    })),
    hiddenRelations: d.hiddenRelations,
    history: d.history.map((h) => ({
      id: String(h.id),
      kind: h.kind,
      at: iso(h.at),
      actor: h.actor_id ? { id: h.actor_id, displayName: h.actor_name ?? '' } : null,
      request: h.request_id ? { id: h.request_id, number: h.request_number ?? '' } : null,
      data: h.data,
    })),
    requests: d.requests.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      status: r.status,
      title: r.visible ? r.title : null,
      visible: r.visible,
      relation: r.relation,
      linkedAt: isoOrNull(r.linked_at),
      linkedBy: r.linked_by_name,
    })),
    can: d.can,
  };
}

export function presentRequestAssets(r: Awaited<ReturnType<AssetService['requestAssets']>>): RequestAssets {
  return { items: r.items.map(presentAssetSummary), hidden: r.hidden, canLink: r.canLink };
}
