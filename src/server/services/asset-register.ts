import { DomainError } from '../../domain/errors.js';
import type { Executor } from '../../db/database.js';
import { assetRepository, type AssetRow } from '../../db/repositories/asset.repository.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import type { RequestRow } from '../../db/schema.js';
import { appendHistory, type RowHold } from './row-hold.js';
import {
  assetNumbering,
  DC_MOVEMENTS,
  devicesNeedingNumbers,
  requiredTests,
  type DcDevice,
  type DcMovement,
} from '../../shared/data-centre.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** "10.1.2.3, 10.1.2.4" or "10.1.2.3 10.1.2.4" as the network administrator wrote them. */
export const ipList = (v: unknown): string[] =>
  str(v)
    .split(/[\s,;，、]+/)
    .filter((ip) => ip.length > 0 && ip !== '無');

/** Page-2 data kept with the item besides its own columns. */
const ATTRIBUTE_KEYS = [
  'cpu',
  'memory',
  'disk',
  'software',
  'database',
  'purpose',
  'custodian',
  'maintenanceVendor',
  'warranty',
  'rackUnits',
  'needsIp',
  'publicFacing',
] as const;

type Mover = { userId: string } | null;

/**
 * DC-4: an approved application changes the asset register in the approval's transaction. Devices
 * moved (or carried) in that are not registered become items with the asset numbers the
 * data-centre administrator gave, the rack locations, the IPs the network administrator filled in,
 * and the evidence they came with; registered devices carried back in return to service; devices
 * moved out are retired, carried out marked so. Every item records the application in its
 * history and points back to it.
 */
export async function applyApprovedMovement(
  tx: Executor,
  row: RequestRow,
  actor: Mover,
  now: Date,
  hold?: RowHold,
): Promise<void> {
  const form = row.form;
  const data = row.workflow_data;
  const movement: DcMovement = (DC_MOVEMENTS as readonly string[]).includes(str(form.movement))
    ? (str(form.movement) as DcMovement)
    : 'move_in';
  const devices = list(form.devices).map((d) => (isRecord(d) ? (d as DcDevice & Record<string, unknown>) : {}));
  const review = isRecord(data.review) ? data.review : {};
  const network = isRecord(review.network) ? review.network : {};
  const { assetNumbers: numbers, rackLocations: racks } = assetNumbering(review, data.numbering);
  const ips = list(network.ipAddresses);
  const needing = devicesNeedingNumbers(form);
  const files = await requestRepository.attachments(tx, row.id);
  const touched: Array<{ asset: AssetRow; change: string }> = [];

  for (const [i, device] of devices.entries()) {
    const given = str(device.assetNumber);
    if (movement === 'move_in' || (movement === 'carry_in' && !given)) {
      const assetNumber = numbers[needing.indexOf(i)] ?? '';
      if (await assetRepository.findByNumber(tx, assetNumber)) {
        throw DomainError.field(
          'data.review.dc_admin.assetNumbers',
          'asset_number_taken',
          `Asset number ${assetNumber} is already in the register; the data-centre administrator must give another`,
          `資產編號 ${assetNumber} 已登錄於資產清冊，請資訊機房管理員另給編號`,
        );
      }
      const tests = isRecord(device.tests) ? device.tests : {};
      const asset = await assetRepository.insert(tx, {
        asset_number: assetNumber,
        name: str(device.name) || assetNumber,
        kind: str(device.deviceType),
        status: 'in_service',
        owner_unit_id: row.unit_id,
        rack_location: racks[i] ?? '',
        ip_addresses: ipList(ips[i]),
        os: str(device.os),
        os_version: str(device.osVersion),
        brand: str(device.brand),
        model: str(device.model),
        serial_number: str(device.serialNumber),
        attributes: JSON.stringify(Object.fromEntries(ATTRIBUTE_KEYS.map((k) => [k, device[k] ?? null]))),
        evidence: JSON.stringify({
          tests: Object.fromEntries(requiredTests(device).map((test) => [test, tests[test] ?? null])),
          files: files
            .filter((f) => f.device === i)
            .map((f) => ({ attachmentId: f.id, document: f.document, fileName: f.file_name, sha256: f.sha256 })),
        }),
        moved_in_request_id: row.id,
        in_service_since: row.wished_date,
        created_at: now,
        updated_at: now,
      });
      await assetRepository.appendHistory(tx, {
        assetId: asset.id,
        kind: 'registered',
        requestId: row.id,
        actorId: actor?.userId ?? null,
        at: now,
        data: { number: row.number, movement },
      });
      touched.push({ asset, change: 'registered' });
      continue;
    }
    const existing = await assetRepository.findByNumber(tx, given);
    const expected = movement === 'carry_in' ? ['carried_out'] : ['in_service', 'carried_out'];
    if (!existing || existing.owner_unit_id !== row.unit_id || !expected.includes(existing.status)) {
      throw DomainError.field(
        `form.devices.${i}.assetNumber`,
        'asset_not_movable',
        `Asset ${given || '(none)'} is not an item of this unit that can be ${movement.replace('_', ' ')}`,
        `資產編號 ${given || '（未填）'} 不是本單位可${movement === 'carry_in' ? '攜入' : '移出'}的資產`,
      );
    }
    const change = movement === 'carry_in' ? 'carried_in' : movement === 'carry_out' ? 'carried_out' : 'moved_out';
    const asset = await assetRepository.update(
      tx,
      existing.id,
      movement === 'move_out'
        ? { status: 'retired', moved_out_request_id: row.id, retired_on: row.wished_date }
        : { status: movement === 'carry_out' ? 'carried_out' : 'in_service' },
      now,
    );
    await assetRepository.appendHistory(tx, {
      assetId: asset.id,
      kind: change,
      requestId: row.id,
      actorId: actor?.userId ?? null,
      at: now,
      data: { number: row.number, movement, from: existing.status, to: asset.status },
    });
    touched.push({ asset, change });
  }

  for (const { asset, change } of touched) {
    await assetRepository.link(tx, row.id, asset.id, actor?.userId ?? null);
    await auditRepository.append(tx, {
      actorId: actor?.userId ?? null,
      action: `asset.${change}`,
      objectType: 'asset',
      objectId: asset.id,
      data: { assetNumber: asset.asset_number, requestId: row.id, number: row.number, status: asset.status },
    });
  }
  const assets = touched.map(({ asset, change }) => ({
    id: asset.id,
    assetNumber: asset.asset_number,
    name: asset.name,
    change,
  }));
  const by = { actorId: actor?.userId ?? null, at: now };
  await appendHistory(tx, row.id, [{ kind: 'assets_registered', ...by, data: { movement, assets } }], hold);
}
