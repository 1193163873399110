import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationRepository, ownHoldersOf } from '../../src/db/repositories/organisation.repository.js';
import type { AssetDetail } from '../../src/shared/api/asset.schema.js';
import type { Deputyship } from '../../src/shared/api/deputy.schema.js';
import { TestApp, type Session, type TestUser } from '../helpers/test-app.js';

type Problem = { code: string; errors?: Array<{ field: string; code: string; message: string; message_zh: string }> };

const DAY = 86_400_000;

/** ORG-3 (職務代理人): appointing deputies, and deputies acting with the absent holder's role. */
describe('deputies', () => {
  let t: TestApp;
  let admin: Session;
  let chief: Session;
  let dcAdmin: Session;
  let requester: Session;
  let standIn: TestUser;
  let outsider: Session;
  let contractor: TestUser;
  let disabled: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.unit('commerce');
    await t.unit('trade', 'commerce');
    await t.unit('it-services', 'commerce');
    admin = await t.signedIn('admin', { unit: 'it-services', roles: ['admin'] });
    chief = await t.signedIn('trade-chief', { unit: 'trade', roles: [{ role: 'section_chief', unit: 'trade' }] });
    dcAdmin = await t.signedIn('dc-admin', { unit: 'it-services', roles: ['dc_admin'] });
    requester = await t.signedIn('trade-staff', { unit: 'trade' });
    standIn = await t.user('stand-in', { unit: 'it-services' });
    outsider = await t.signedIn('outsider', { unit: 'it-services' });
    contractor = await t.user('contractor', { unit: 'it-services', kind: 'contractor', roles: ['desk_agent'] });
    disabled = await t.user('gone', { unit: 'it-services' });
    await organisationRepository.updateUser(t.database.db, disabled.id, { disabled_at: t.clock.now() }, t.clock.now());
  }, 120_000);
  afterAll(() => t.stop());

  const period = (fromDays: number, toDays: number) => ({
    startsAt: new Date(t.clock.now().getTime() + fromDays * DAY).toISOString(),
    endsAt: new Date(t.clock.now().getTime() + toDays * DAY).toISOString(),
  });
  const appoint = (as: Session, body: Record<string, unknown>) =>
    t.inject({ method: 'POST', url: '/api/deputies', as, payload: { reason: '休假', ...period(0, 7), ...body } });
  const act = (id: string, action: string, as: Session) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields: {} } });
  const waitingFor = async (as: Session) =>
    (await t.inject({ method: 'GET', url: '/api/requests?waitingFor=me&pageSize=100', as }))
      .json<{ items: Array<{ id: string }> }>()
      .items.map((i) => i.id);

  it('lets a deputy of the data-centre administrator keep the register until the deputyship is revoked', async () => {
    const item = await t.inject({
      method: 'POST',
      url: '/api/assets',
      as: dcAdmin,
      payload: { assetNumber: 'DC-9001', name: '檔案伺服器', kind: 'server_ap', ownerUnitId: await t.unit('trade') },
    });
    expect(item.statusCode, item.body).toBe(201);
    const asset = item.json<AssetDetail>();
    const deputy = await t.login(standIn);
    const patch = () =>
      t.inject({ method: 'PATCH', url: `/api/assets/${asset.id}`, as: deputy, payload: { rackLocation: 'B03-U07' } });
    expect((await patch()).statusCode).toBe(404);

    const res = await appoint(dcAdmin, {
      principalId: dcAdmin.user.id,
      deputyId: standIn.id,
      role: 'dc_admin',
      ...period(0, 2),
    });
    expect(res.statusCode, res.body).toBe(201);
    const deputyship = res.json<Deputyship>();
    // The same session acts with the role at once: roles are read on every call, not when signing in.
    expect((await patch()).statusCode).toBe(200);
    const me = (await t.inject({ method: 'GET', url: '/api/me', as: deputy })).json<{
      abilities: Record<string, boolean>;
    }>();
    expect(me.abilities).toMatchObject({ manageAssets: true, readAllAssets: true });
    // Workflows see the deputy as a holder of the role (who is told, who is assigned).
    const holders = await organisationRepository.activeRoleHolders(t.database.db, t.clock.now());
    expect(holders).toContainEqual({
      userId: standIn.id,
      role: 'dc_admin',
      unitId: await t.unit('it-services'),
      acting: true,
    });
    // A notice to the role reaches those who hold it themselves, not their deputies.
    expect(ownHoldersOf(holders, ['dc_admin']).sort()).toEqual(
      (await organisationRepository.usableHoldersOf(t.database.db, ['dc_admin'])).sort(),
    );
    expect(ownHoldersOf(holders, ['dc_admin'])).not.toContain(standIn.id);

    // The deputy cannot end it; the principal can, and it stops at once.
    expect((await t.inject({ method: 'DELETE', url: `/api/deputies/${deputyship.id}`, as: deputy })).statusCode).toBe(
      403,
    );
    expect((await t.inject({ method: 'DELETE', url: `/api/deputies/${deputyship.id}`, as: outsider })).statusCode).toBe(
      404,
    );
    expect((await t.inject({ method: 'DELETE', url: `/api/deputies/${deputyship.id}`, as: dcAdmin })).statusCode).toBe(
      204,
    );
    expect((await t.inject({ method: 'DELETE', url: `/api/deputies/${deputyship.id}`, as: dcAdmin })).statusCode).toBe(
      409,
    );
    expect((await patch()).statusCode).toBe(404);
    const after = await organisationRepository.activeRoleHolders(t.database.db, t.clock.now());
    expect(after.filter((h) => h.userId === standIn.id && h.role === 'dc_admin')).toEqual([]);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', deputyship.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'deputy.appointed', actor_id: dcAdmin.user.id },
      { action: 'deputy.revoked', actor_id: dcAdmin.user.id },
    ]);
  });

  it('refuses appointments against the rules, naming the field in both languages', async () => {
    const base = { principalId: dcAdmin.user.id, deputyId: standIn.id, role: 'dc_admin' };
    const refused: Array<[Session, Record<string, unknown>, number, string, string]> = [
      [admin, { principalId: admin.user.id, role: 'admin' }, 400, 'role', 'role_not_deputisable'],
      [requester, { principalId: requester.user.id, role: 'requester' }, 400, 'role', 'role_not_deputisable'],
      [dcAdmin, { role: 'network_admin' }, 400, 'role', 'role_not_held'],
      [dcAdmin, { unitId: await t.unit('trade') }, 400, 'unitId', 'role_not_held_for_unit'],
      [dcAdmin, { deputyId: dcAdmin.user.id }, 400, 'deputyId', 'deputy_is_principal'],
      [dcAdmin, { deputyId: contractor.id }, 400, 'deputyId', 'deputy_not_staff'],
      [dcAdmin, { deputyId: disabled.id }, 400, 'deputyId', 'deputy_unusable'],
      [dcAdmin, { deputyId: '00000000-0000-4000-8000-000000000000' }, 400, 'deputyId', 'deputy_not_found'],
      [dcAdmin, period(3, 2), 400, 'endsAt', 'ends_before_start'],
      [dcAdmin, period(0, 400), 400, 'endsAt', 'too_long'],
      [dcAdmin, period(-10, -1), 400, 'endsAt', 'ends_in_past'],
    ];
    for (const [as, body, status, field, code] of refused) {
      const res = await appoint(as, { ...base, ...body });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      const problem = res.json<Problem>();
      expect(problem.errors?.[0], code).toMatchObject({ field, code });
      expect(problem.errors?.[0]?.message_zh.length).toBeGreaterThan(0);
    }
    // Someone else's role: only an administrator appoints for another person.
    expect((await appoint(outsider, base)).statusCode).toBe(403);
    const byAdmin = await appoint(admin, { ...base, ...period(1, 5) });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json<Deputyship>()).toMatchObject({ state: 'scheduled', effective: false });
    // The same deputy for the same role in an overlapping period is refused.
    const twice = await appoint(dcAdmin, { ...base, ...period(4, 6) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().errors?.[0]?.field).toBe('deputyId');
    // An unknown role is refused by the schema.
    expect((await appoint(dcAdmin, { ...base, role: 'janitor' })).statusCode).toBe(400);
  });

  it('offers usable staff accounts as candidates to those who may appoint', async () => {
    const candidates = await t.inject({ method: 'GET', url: '/api/deputies/candidates?q=stand', as: dcAdmin });
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json<Array<{ username: string }>>().map((c) => c.username)).toEqual(['stand-in']);
    const everyone = (await t.inject({ method: 'GET', url: '/api/deputies/candidates', as: admin })).json<
      Array<{ username: string }>
    >();
    expect(everyone.map((c) => c.username)).not.toContain('contractor');
    expect(everyone.map((c) => c.username)).not.toContain('gone');
    expect((await t.inject({ method: 'GET', url: '/api/deputies/candidates', as: requester })).statusCode).toBe(403);
  });
  it('lets a deputy of a section chief sign while the deputyship runs, and not after it ends', async () => {
    const res = await appoint(chief, {
      principalId: chief.user.id,
      deputyId: standIn.id,
      role: 'section_chief',
      reason: '公假一週',
    });
    expect(res.statusCode, res.body).toBe(201);
    const deputyship = res.json<Deputyship>();
    expect(deputyship).toMatchObject({
      role: 'section_chief',
      unit: { name: '單位 trade' },
      state: 'active',
      effective: true,
      canRevoke: true,
      principal: { username: 'trade-chief' },
      deputy: { username: 'stand-in' },
    });

    const first = await t.fileRequest(requester, { title: '代理簽核' });
    const second = await t.fileRequest(requester, { title: '代理期滿後' });
    let deputy = await t.login(standIn);
    // The request waits for the section chief of trade: the deputy's queue has it, and the step is theirs.
    expect(await waitingFor(deputy)).toEqual(expect.arrayContaining([first.id, second.id]));
    const signed = await act(first.id, 'sign_section_chief', deputy);
    expect(signed.statusCode, signed.body).toBe(200);
    const history = signed.json<{ history: Array<{ kind: string; actor: { displayName: string } | null }> }>().history;
    expect(history.filter((h) => h.kind === 'transition').at(-1)?.actor?.displayName).toBe('使用者 stand-in');

    // Eight days on, the deputyship has ended: the trade section's request is neither visible nor waiting.
    t.clock.advance(8 * DAY);
    deputy = await t.login(standIn);
    expect(await waitingFor(deputy)).not.toContain(second.id);
    expect((await act(second.id, 'sign_section_chief', deputy)).statusCode).toBe(404);
    const listed = (await t.inject({ method: 'GET', url: '/api/deputies', as: deputy })).json<Deputyship[]>();
    expect(listed.find((d) => d.id === deputyship.id)).toMatchObject({
      state: 'ended',
      effective: false,
      canRevoke: false,
    });
    // The chief signs it themselves.
    expect((await act(second.id, 'sign_section_chief', await t.login(chief.user))).statusCode).toBe(200);
  });

  it('shows administrators every deputyship and others those they are part of', async () => {
    // Signed in anew: the previous test moved the clock past every session's end.
    const list = async (as: Session) =>
      (await t.inject({ method: 'GET', url: '/api/deputies', as: await t.login(as.user) })).json<Deputyship[]>();
    const all = await list(admin);
    expect(all.length).toBe(3);
    expect((await list(chief)).map((d) => d.principal.username)).toEqual(['trade-chief']);
    expect(new Set((await list(dcAdmin)).map((d) => d.principal.username))).toEqual(new Set(['dc-admin']));
    const asDeputy = (await t.inject({ method: 'GET', url: '/api/deputies', as: await t.login(standIn) })).json<
      Deputyship[]
    >();
    expect(asDeputy.length).toBe(all.length);
    expect(asDeputy.every((d) => !d.canRevoke)).toBe(true);
    expect(await list(requester)).toEqual([]);
    expect(await list(outsider)).toEqual([]);
  });
});
