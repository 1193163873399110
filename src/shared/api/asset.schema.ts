import { z } from 'zod';
import { DC_DEVICE_TYPES } from '../data-centre.js';
import { REQUEST_STATUSES, REQUEST_TYPES } from '../request-vocabulary.js';
import { IsoDate, IsoInstant } from './common.schema.js';

/**
 * The asset register (issue 6, DC-4), the start of the configuration database (ITSM-3): items with
 * their asset number, owner unit, place in the rack, addresses and software; relations between
 * them; their history; and the requests or incidents that point at them.
 */

export const ASSET_STATUSES = ['in_service', 'carried_out', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** Kinds of item: the device types of 001's table, and the information systems that run on them. */
export const ASSET_KINDS = ['information_system', ...DC_DEVICE_TYPES] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** How one item relates to another, read "from → to": a system runs on a server, a disk is part of an array. */
export const ASSET_RELATION_KINDS = ['runs_on', 'connected_to', 'depends_on', 'part_of'] as const;
export type AssetRelationKind = (typeof ASSET_RELATION_KINDS)[number];

export const ASSET_HISTORY_KINDS = [
  'registered',
  'moved_out',
  'carried_out',
  'carried_in',
  'updated',
  'related',
  'unrelated',
  'linked',
  'unlinked',
] as const;
export type AssetHistoryKind = (typeof ASSET_HISTORY_KINDS)[number];

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();
/** Whether a text is one IPv4 or IPv6 address (no prefix length). */
export function isIpAddress(text: string): boolean {
  return IPV4.safeParse(text).success || IPV6.safeParse(text).success;
}
/** An address as sent; the server checks it is one (isIpAddress) and names the one at fault. */
const IpAddressText = z.string().trim().min(1).max(45).describe('An IPv4 or IPv6 address');

const Text = (max: number) => z.string().trim().max(max);
const Attributes = z
  .record(z.string().trim().min(1).max(60), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .refine((a) => Object.keys(a).length <= 50, { message: 'At most 50 attributes' })
  .describe('Further facts of the item as name → value (CPU, memory, licence …)');

const UnitRef = z.object({ id: z.uuid(), name: z.string() });
const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });

export const AssetSummary = z
  .object({
    id: z.uuid(),
    assetNumber: z.string().describe('資產編號, given by the data-centre administrator'),
    name: z.string(),
    kind: z.string().describe('A kind of ASSET_KINDS (device types of 001 and information systems)'),
    status: z.enum(ASSET_STATUSES),
    ownerUnit: UnitRef.nullable().describe('The agency unit that owns the item'),
    rackLocation: z.string().describe('機櫃位置'),
    ipAddresses: z.array(z.string()),
    os: z.string(),
    osVersion: z.string(),
    inServiceSince: IsoDate.nullable(),
    updatedAt: IsoInstant,
  })
  .meta({ id: 'AssetSummary' });
export type AssetSummary = z.infer<typeof AssetSummary>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter((s) => s.length > 0) : v), z.array(item).max(10));

export const AssetListQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Part of the asset number, name, serial number or an IP address'),
  status: csv(z.enum(ASSET_STATUSES)).optional().describe('Comma-separated statuses'),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
  unitId: z.uuid().optional().describe('The owner unit'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type AssetListQuery = z.input<typeof AssetListQuery>;

export const AssetPage = z
  .object({
    items: z.array(AssetSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AssetPage' });
export type AssetPage = z.infer<typeof AssetPage>;

/** A request as an item's page shows it; the title only when the reader may open the request. */
export const AssetRequestLink = z
  .object({
    id: z.uuid(),
    number: z.string(),
    type: z.enum(REQUEST_TYPES),
    status: z.enum(REQUEST_STATUSES),
    title: z.string().nullable().describe('null when the reader may not open the request'),
    visible: z.boolean(),
    relation: z
      .enum(['moved_in', 'moved_out', 'linked'])
      .describe('The application that moved the item in or out, or a request pointed at it'),
    linkedAt: IsoInstant.nullable(),
    linkedBy: z.string().nullable(),
  })
  .meta({ id: 'AssetRequestLink' });
export type AssetRequestLink = z.infer<typeof AssetRequestLink>;

export const AssetRelation = z
  .object({
    direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this item → other; incoming: other → this item'),
    kind: z.enum(ASSET_RELATION_KINDS),
    asset: z.object({
      id: z.uuid(),
      assetNumber: z.string(),
      name: z.string(),
      kind: z.string(),
      status: z.enum(ASSET_STATUSES),
    }),
    createdAt: IsoInstant,
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'AssetRelation' });
export type AssetRelation = z.infer<typeof AssetRelation>;

export const AssetHistoryEntry = z
  .object({
    id: z.string(),
    kind: z.enum(ASSET_HISTORY_KINDS),
    at: IsoInstant,
    actor: PersonRef.nullable(),
    request: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AssetHistoryEntry' });
export type AssetHistoryEntry = z.infer<typeof AssetHistoryEntry>;

export const AssetDetail = AssetSummary.extend({
  brand: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  evidence: z.record(z.string(), z.unknown()).describe('The security evidence the item came in with (001 二.3–4)'),
  retiredOn: IsoDate.nullable(),
  createdAt: IsoInstant,
  relations: z.array(AssetRelation).describe('Relations to items the reader may see, both directions'),
  hiddenRelations: z.number().int().describe('Relations to items the reader may not see'),
  history: z.array(AssetHistoryEntry).describe('Oldest first'),
  requests: z.array(AssetRequestLink),
  can: z.object({ edit: z.boolean().describe('Change the item and its relations') }),
}).meta({ id: 'AssetDetail' });
export type AssetDetail = z.infer<typeof AssetDetail>;

/** Changes to an item; every changed field is recorded with its old and new value. */
export const AssetUpdate = z
  .strictObject({
    name: Text(200).min(1).optional(),
    rackLocation: Text(100).optional().describe('機櫃位置, e.g. 3F 機房 A05-U12'),
    ipAddresses: z.array(IpAddressText).max(32).optional().describe('Replaces the addresses; duplicates are dropped'),
    os: Text(100).optional(),
    osVersion: Text(100).optional(),
    brand: Text(100).optional(),
    model: Text(100).optional(),
    serialNumber: Text(100).optional(),
    attributes: Attributes.optional().describe('Replaces the attributes'),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'Nothing to change' })
  .meta({ id: 'AssetUpdate' });
export type AssetUpdate = z.infer<typeof AssetUpdate>;

/**
 * An item entered by hand (equipment already in the room, an information system); devices moved
 * in through an approved application are entered by the approval itself.
 */
export const AssetCreate = z
  .strictObject({
    assetNumber: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,49}$/u)
      .describe('資產編號 (unique regardless of case)'),
    name: Text(200).min(1),
    kind: z.enum(ASSET_KINDS),
    ownerUnitId: z.uuid().nullable(),
    inServiceSince: IsoDate.nullable().default(null),
    rackLocation: Text(100).default(''),
    ipAddresses: z.array(IpAddressText).max(32).default([]),
    os: Text(100).default(''),
    osVersion: Text(100).default(''),
    brand: Text(100).default(''),
    model: Text(100).default(''),
    serialNumber: Text(100).default(''),
    attributes: Attributes.default({}),
  })
  .meta({ id: 'AssetCreate' });
export type AssetCreate = z.input<typeof AssetCreate>;

export const AssetRelationCreate = z
  .strictObject({ toAssetId: z.uuid(), kind: z.enum(ASSET_RELATION_KINDS) })
  .meta({ id: 'AssetRelationCreate' });
export type AssetRelationCreate = z.infer<typeof AssetRelationCreate>;

export const AssetRelationParams = z.strictObject({
  id: z.uuid(),
  toAssetId: z.uuid(),
  kind: z.enum(ASSET_RELATION_KINDS),
});

/** The items a request or incident points at. */
export const RequestAssets = z
  .object({
    items: z.array(AssetSummary).describe('The linked items the reader may see'),
    hidden: z.number().int().describe('Linked items the reader may not see'),
    canLink: z.boolean().describe('Whether the reader may link and unlink items'),
  })
  .meta({ id: 'RequestAssets' });
export type RequestAssets = z.infer<typeof RequestAssets>;

export const RequestAssetLink = z.strictObject({ assetId: z.uuid() }).meta({ id: 'RequestAssetLink' });
export type RequestAssetLink = z.infer<typeof RequestAssetLink>;

export const RequestAssetParams = z.strictObject({ id: z.uuid(), assetId: z.uuid() });
