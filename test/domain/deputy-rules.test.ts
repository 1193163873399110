import { describe, expect, it } from 'vitest';
import {
  checkAppointment,
  deputyshipState,
  holdsDeputisableRole,
  mayAppoint,
  overlaps,
  type AppointmentFacts,
} from '../../src/domain/deputy-rules.js';
import type { Actor } from '../../src/domain/policies.js';
import type { Role } from '../../src/shared/roles.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const facts = (overrides: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  role: 'dc_admin',
  principalUnits: ['it-services'],
  unitId: undefined,
  principalId: 'principal',
  deputy: { id: 'deputy', kind: 'staff', disabled: false, expiresAt: null },
  startsAt: NOW,
  endsAt: at(7),
  now: NOW,
  ...overrides,
});

const actor = (roles: Role[], userId = 'me'): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  kind: 'staff',
  unitId: 'u',
  roles: roles.map((role) => ({ role, unitId: null })),
});

describe('appointing a deputy (ORG-3)', () => {
  it('covers the unit the principal holds the role for', () => {
    expect(checkAppointment(facts())).toEqual({ ok: true, unitId: 'it-services' });
  });

  const refused: Array<[string, Partial<AppointmentFacts>, string, string]> = [
    ['administration is not deputised', { role: 'admin' }, 'role', 'role_not_deputisable'],
    ['audit is not deputised', { role: 'auditor' }, 'role', 'role_not_deputisable'],
    ['a requester acts for themselves', { role: 'requester' }, 'role', 'role_not_deputisable'],
    ['a company administrator acts for the company', { role: 'company_admin' }, 'role', 'role_not_deputisable'],
    ['the principal must hold the role', { principalUnits: [] }, 'role', 'role_not_held'],
    ['a unit the role is not held for', { unitId: 'elsewhere' }, 'unitId', 'role_not_held_for_unit'],
    ['several units need a choice', { principalUnits: ['a', 'b'] }, 'unitId', 'unit_required'],
    ['an unknown deputy', { deputy: null }, 'deputyId', 'deputy_not_found'],
    [
      'oneself',
      { deputy: { id: 'principal', kind: 'staff', disabled: false, expiresAt: null } },
      'deputyId',
      'deputy_is_principal',
    ],
    [
      'a contractor',
      { deputy: { id: 'deputy', kind: 'contractor', disabled: false, expiresAt: at(30) } },
      'deputyId',
      'deputy_not_staff',
    ],
    [
      'a disabled account',
      { deputy: { id: 'deputy', kind: 'staff', disabled: true, expiresAt: null } },
      'deputyId',
      'deputy_unusable',
    ],
    [
      'an expired account',
      { deputy: { id: 'deputy', kind: 'staff', disabled: false, expiresAt: at(-1) } },
      'deputyId',
      'deputy_unusable',
    ],
    ['an end before the start', { startsAt: at(3), endsAt: at(2) }, 'endsAt', 'ends_before_start'],
    ['an end equal to the start', { startsAt: at(3), endsAt: at(3) }, 'endsAt', 'ends_before_start'],
    ['an end already past', { startsAt: at(-10), endsAt: at(-1) }, 'endsAt', 'ends_in_past'],
    ['more than a year', { startsAt: NOW, endsAt: at(367) }, 'endsAt', 'too_long'],
  ];
  it.each(refused)('refuses %s', (_name, overrides, field, code) => {
    const result = checkAppointment(facts(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatchObject({ field, code });
      expect(result.problem.zh.length).toBeGreaterThan(0);
      expect(result.problem.en.length).toBeGreaterThan(0);
    }
  });

  it('accepts exactly a year (366 days) and a chosen one of several units', () => {
    expect(checkAppointment(facts({ endsAt: at(366) })).ok).toBe(true);
    expect(checkAppointment(facts({ principalUnits: ['a', 'b'], unitId: 'b' }))).toEqual({ ok: true, unitId: 'b' });
  });

  it('lets administrators appoint for anyone and others for themselves', () => {
    expect(mayAppoint(actor(['admin']), 'someone')).toBe(true);
    expect(mayAppoint(actor(['dc_admin'], 'principal'), 'principal')).toBe(true);
    expect(mayAppoint(actor(['dc_admin']), 'someone')).toBe(false);
  });

  it('knows who holds a role others may act in', () => {
    expect(holdsDeputisableRole(actor(['requester']))).toBe(false);
    expect(holdsDeputisableRole(actor(['auditor', 'requester']))).toBe(false);
    expect(holdsDeputisableRole(actor(['requester', 'section_chief']))).toBe(true);
  });
});

describe('where a deputyship stands', () => {
  const d = { startsAt: at(1), endsAt: at(3), revokedAt: null };
  it.each([
    [at(0), 'scheduled'],
    [at(1), 'active'],
    [at(2), 'active'],
    [at(3), 'ended'],
  ] as const)('at %s it is %s', (now, state) => {
    expect(deputyshipState(d, now)).toBe(state);
  });
  it('is revoked from the moment it is revoked', () => {
    expect(deputyshipState({ ...d, revokedAt: at(2) }, at(2))).toBe('revoked');
    expect(deputyshipState({ ...d, revokedAt: at(2) }, at(1.5))).toBe('active');
  });
  it('overlaps another period sharing an instant, not one that only touches it', () => {
    expect(overlaps({ startsAt: at(0), endsAt: at(2) }, { startsAt: at(1), endsAt: at(3) })).toBe(true);
    expect(overlaps({ startsAt: at(0), endsAt: at(1) }, { startsAt: at(1), endsAt: at(3) })).toBe(false);
  });
});
