import { describe, expect, it } from 'vitest';
import {
  abilitiesOf,
  canViewRequest,
  descendantsOf,
  filingRefusal,
  requestScopeOf,
  type Actor,
  type RequestAccessFacts,
} from '../../src/domain/policies.js';
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

const request = (overrides: Partial<RequestAccessFacts> = {}): RequestAccessFacts => ({
  unitId: 'foreign-trade',
  createdBy: 'someone',
  applicantUserId: null,
  assigneeId: null,
  status: 'submitted',
  ...overrides,
});

describe('who sees a request', () => {
  const cases: Array<[string, Actor, RequestAccessFacts, boolean]> = [
    ['a desk agent sees any request', actor([{ role: 'desk_agent' }]), request(), true],
    ['an auditor sees any request', actor([{ role: 'auditor' }]), request(), true],
    ['a requester sees their unit’s', actor([{ role: 'requester' }], 'foreign-trade'), request(), true],
    ['a requester does not see another unit’s', actor([{ role: 'requester' }]), request(), false],
    ['a requester sees what they filed elsewhere', actor([{ role: 'requester' }]), request({ createdBy: 'me' }), true],
    [
      'an applicant sees what was filed for them',
      actor([{ role: 'requester' }]),
      request({ applicantUserId: 'me' }),
      true,
    ],
    ['an assignee sees what they work on', actor([{ role: 'requester' }]), request({ assigneeId: 'me' }), true],
    ['a division head sees a section below', actor([{ role: 'division_head', unitId: 'commerce' }]), request(), true],
    [
      'a section chief does not see a sibling section',
      actor([{ role: 'section_chief', unitId: 'it-services' }]),
      request(),
      false,
    ],
    [
      'an outside company sees nothing of its nominal unit',
      actor([{ role: 'company_admin' }], 'foreign-trade', 'external'),
      request(),
      false,
    ],
  ];
  it.each(cases)('%s', (_name, who, what, expected) => {
    expect(canViewRequest(who, requestScopeOf(who, UNITS), what)).toBe(expected);
  });
});

describe('filing a request', () => {
  it.each([
    [
      'staff, own unit, web',
      actor([{ role: 'requester' }]),
      { unitId: 'investment', channel: 'web', applicantUserId: null },
      null,
    ],
    [
      'staff, other unit',
      actor([{ role: 'requester' }]),
      { unitId: 'commerce', channel: 'web', applicantUserId: null },
      'unitId',
    ],
    [
      'staff, by phone',
      actor([{ role: 'requester' }]),
      { unitId: 'investment', channel: 'phone', applicantUserId: null },
      'channel',
    ],
    [
      'staff, as someone else',
      actor([{ role: 'requester' }]),
      { unitId: 'investment', channel: 'web', applicantUserId: 'other' },
      'applicantUserId',
    ],
    [
      'desk, by phone for another unit',
      actor([{ role: 'desk_agent' }]),
      { unitId: 'commerce', channel: 'phone', applicantUserId: 'other' },
      null,
    ],
    [
      'desk, by e-mail',
      actor([{ role: 'desk_agent' }]),
      { unitId: 'commerce', channel: 'email', applicantUserId: null },
      'channel',
    ],
    [
      'an outside company',
      actor([{ role: 'company_admin' }], 'foreign-trade', 'external'),
      { unitId: 'foreign-trade', channel: 'web', applicantUserId: null },
      'unitId',
    ],
  ] as const)('%s', (_name, who, filing, refusedField) => {
    expect(filingRefusal(who, filing)?.field ?? null).toBe(refusedField);
  });
});

describe('abilities and unit trees', () => {
  it('gives user management to administrators only', () => {
    expect(abilitiesOf(actor([{ role: 'admin' }])).manageUsers).toBe(true);
    expect(abilitiesOf(actor([{ role: 'it_chief' }])).manageUsers).toBe(false);
  });

  it('expands a unit to every unit below it, however deep', () => {
    expect([...descendantsOf(['agency'], UNITS)].sort()).toEqual([
      'agency',
      'commerce',
      'foreign-trade',
      'investment',
      'it-services',
    ]);
    expect([...descendantsOf(['commerce'], [...UNITS].reverse())].sort()).toEqual([
      'commerce',
      'foreign-trade',
      'it-services',
    ]);
  });
});
