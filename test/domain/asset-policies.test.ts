import { describe, expect, it } from 'vitest';
import {
  addressProblems,
  assetScopeOf,
  canEditAssets,
  canViewAsset,
  changedFields,
  linkRefusal,
  normaliseAddresses,
  relationRefusal,
} from '../../src/domain/asset-policies.js';
import type { Actor, RequestAccessFacts } from '../../src/domain/policies.js';
import type { Role } from '../../src/shared/roles.js';

// agency ─ commerce ─ it-services
//        │         └ foreign-trade
//        └ investment
const UNITS = [
  { id: 'agency', parentId: null },
  { id: 'commerce', parentId: 'agency' },
  { id: 'it-services', parentId: 'commerce' },
  { id: 'foreign-trade', parentId: 'commerce' },
  { id: 'investment', parentId: 'agency' },
];

const actor = (
  roles: Array<{ role: Role; unitId?: string }>,
  unitId: string | null = 'investment',
  kind: Actor['kind'] = 'staff',
): Actor => ({
  userId: 'me',
  username: 'me',
  displayName: 'Me',
  kind,
  unitId,
  roles: roles.map((r) => ({ role: r.role, unitId: r.unitId ?? null })),
});

const sees = (a: Actor, ownerUnitId: string | null) => canViewAsset(assetScopeOf(a, UNITS), { ownerUnitId });

describe('who sees an item of the asset register', () => {
  const cases: Array<[string, Actor, string | null, boolean]> = [
    ['the data-centre administrator sees any item', actor([{ role: 'dc_admin' }]), 'foreign-trade', true],
    ['the asset keeper sees an item of no unit', actor([{ role: 'asset_keeper' }]), null, true],
    ['a security officer sees any item', actor([{ role: 'security_officer' }]), 'foreign-trade', true],
    ['the network & security chief sees any item', actor([{ role: 'netsec_chief' }]), 'commerce', true],
    ['the desk sees any item', actor([{ role: 'desk_agent' }], 'it-services', 'contractor'), 'investment', true],
    ['an auditor sees any item', actor([{ role: 'auditor' }]), 'foreign-trade', true],
    ['a requester sees their unit’s items', actor([{ role: 'requester' }], 'foreign-trade'), 'foreign-trade', true],
    ['a requester does not see another unit’s', actor([{ role: 'requester' }], 'investment'), 'foreign-trade', false],
    ['nobody but the readers sees an item of no unit', actor([{ role: 'requester' }]), null, false],
    [
      'a division head sees the sections below',
      actor([{ role: 'division_head', unitId: 'commerce' }], 'commerce'),
      'foreign-trade',
      true,
    ],
    [
      'a section chief does not see a sister section’s',
      actor([{ role: 'section_chief', unitId: 'it-services' }], 'it-services'),
      'foreign-trade',
      false,
    ],
    [
      'a vendor engineer does not see their nominal unit’s items',
      actor([{ role: 'vendor_engineer' }], 'it-services', 'vendor'),
      'it-services',
      false,
    ],
    [
      'the director-general is not a reader of every item',
      actor([{ role: 'director_general' }], 'it-services'),
      'investment',
      false,
    ],
    [
      'a company administrator sees nothing',
      actor([{ role: 'company_admin' }], 'foreign-trade', 'external'),
      'foreign-trade',
      false,
    ],
  ];
  it.each(cases)('%s', (_name, a, owner, expected) => {
    expect(sees(a, owner)).toBe(expected);
  });
});

describe('who keeps the register', () => {
  it.each([
    ['dc_admin', true],
    ['asset_keeper', true],
    ['admin', true],
    ['security_officer', false],
    ['auditor', false],
    ['it_chief', false],
  ] as Array<[Role, boolean]>)('%s edits: %s', (role, expected) => {
    expect(canEditAssets(actor([{ role }]))).toBe(expected);
  });
});

describe('pointing a request at an item', () => {
  const request = (status: RequestAccessFacts['status'] = 'in_progress'): RequestAccessFacts => ({
    unitId: 'investment',
    createdBy: 'me',
    applicantUserId: null,
    assigneeId: null,
    status,
  });
  it('is allowed to whoever may comment on the request and sees the item', () => {
    expect(linkRefusal(actor([{ role: 'requester' }]), request(), true)).toBeNull();
  });
  it('hides an item the person may not see', () => {
    expect(linkRefusal(actor([{ role: 'requester' }]), request(), false)).toBe('asset_not_found');
  });
  it('refuses a closed request', () => {
    expect(linkRefusal(actor([{ role: 'requester' }]), request('closed'), true)).toBe('request_closed');
  });
  it('refuses external accounts', () => {
    expect(linkRefusal(actor([{ role: 'company_admin' }], 'investment', 'external'), request(), true)).toBe(
      'forbidden',
    );
  });
});

describe('relations between items', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  it('refuses an item related to itself', () => {
    expect(relationRefusal(a, a, 'runs_on', [])?.code).toBe('same_asset');
  });
  it('refuses the same relation twice as a conflict', () => {
    const refusal = relationRefusal(a, b, 'runs_on', [{ fromId: 'a', toId: 'b', kind: 'runs_on' }]);
    expect(refusal).toMatchObject({ code: 'already_related', conflict: true });
  });
  it('allows another kind between the same items', () => {
    expect(relationRefusal(a, b, 'depends_on', [{ fromId: 'a', toId: 'b', kind: 'runs_on' }])).toBeNull();
  });
  it('refuses a part that already contains the whole', () => {
    expect(relationRefusal(a, b, 'part_of', [{ fromId: 'b', toId: 'a', kind: 'part_of' }])?.code).toBe(
      'relation_cycle',
    );
  });
});

describe('changes recorded field by field', () => {
  it('names only the fields that differ, with both values', () => {
    const before = { name: 'AP 主機', rackLocation: 'A01', ipAddresses: ['10.0.0.1'], attributes: { cpu: 4 } };
    expect(
      changedFields(before, {
        name: 'AP 主機',
        rackLocation: 'B02',
        ipAddresses: ['10.0.0.1'],
        attributes: { cpu: 8 },
      }),
    ).toEqual({
      rackLocation: { before: 'A01', after: 'B02' },
      attributes: { before: { cpu: 4 }, after: { cpu: 8 } },
    });
  });
  it('drops repeated addresses and folds IPv6 case', () => {
    expect(normaliseAddresses([' 10.0.0.1', '10.0.0.1', 'FE80::1', 'fe80::1'])).toEqual(['10.0.0.1', 'fe80::1']);
  });
});

describe('addresses of an item', () => {
  it('accepts IPv4 and IPv6 addresses', () => {
    expect(addressProblems(['10.20.1.15', '2001:db8::15', ' 192.168.0.1 '])).toEqual([]);
  });
  it('names each address that is not one, by its position, in both languages', () => {
    expect(addressProblems(['10.20.1.15', '10.20.1.300', '10.0.0.0/24'])).toEqual([
      expect.objectContaining({
        field: 'ipAddresses.1',
        code: 'invalid_ip',
        zh: '「10.20.1.300」不是有效的 IPv4 或 IPv6 位址',
      }),
      expect.objectContaining({ field: 'ipAddresses.2', code: 'invalid_ip' }),
    ]);
  });
});
