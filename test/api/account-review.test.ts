import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkerOnce } from '../../src/server/worker.js';
import { TestApp, type Session } from '../helpers/test-app.js';

type Item = { id: string; username: string; decision: string | null; canDecide: boolean; chased: number };
const DAY = 86_400_000;

/** Issue 5 / SEC-2 (004 參 三(二)): the account review every six months, end to end. */
describe('six-monthly account review', () => {
  let t: TestApp;
  let admin: Session;
  let head: Session;
  let chief: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.unit('division-d');
    await t.unit('section-s', 'division-d');
    admin = await t.signedIn('review-admin', { roles: ['admin'] });
    head = await t.signedIn('head-d', { unit: 'division-d', roles: [{ role: 'division_head', unit: 'division-d' }] });
    chief = await t.signedIn('chief-s', { unit: 'section-s', roles: [{ role: 'section_chief', unit: 'section-s' }] });
    await t.user('staff-keep', { unit: 'section-s' });
    await t.user('staff-go', { unit: 'section-s' });
  });
  afterAll(() => t.stop());

  /** Half a year on, everyone has changed their password (it expires after three months) and signs in again. */
  async function timePasses(ms: number) {
    t.clock.advance(ms);
    await t.database.db.updateTable('users').set({ password_changed_at: t.clock.now() }).execute();
    admin = await t.login(admin.user);
    head = await t.login(head.user);
    chief = await t.login(chief.user);
  }
  const detail = (as: Session, id: string) =>
    t.inject({ method: 'GET', url: `/api/account-reviews/${id}`, as }).then((r) => r.json<{ items: Item[] }>());
  const decide = (as: Session, id: string, item: string, decision: 'keep' | 'revoke', note = '') =>
    t.inject({ method: 'POST', url: `/api/account-reviews/${id}/items/${item}`, as, payload: { decision, note } });

  it('opens every six months, asks each supervisor about their unit, chases daily after the due date, closes when all are answered', async () => {
    // Nothing is due on the first day of the agency.
    expect(await runWorkerOnce(t.app.services)).toMatchObject({ reviewsOpened: 0 });
    await timePasses(184 * DAY);
    expect(await runWorkerOnce(t.app.services)).toMatchObject({ reviewsOpened: 1 });
    expect(await runWorkerOnce(t.app.services)).toMatchObject({ reviewsOpened: 0 });
    const listed = await t.inject({ method: 'GET', url: '/api/account-reviews', as: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    const [review] = listed.json();
    expect(review).toMatchObject({ title: '116 年上半年帳號清查', total: 5, pending: 5, openedByName: null });
    const id = review.id as string;

    // The section chief sees the section's staff; their own account goes to the division head above.
    const mine = await detail(chief, id);
    expect(mine.items.map((i) => i.username).sort()).toEqual(['staff-go', 'staff-keep']);
    const headView = await detail(head, id);
    expect(headView.items.map((i) => i.username)).toEqual(['chief-s']);
    const notices = await t.inject({ method: 'GET', url: '/api/notifications', as: chief });
    expect(notices.json()[0].title['zh-TW']).toContain('帳號清查');

    const keep = mine.items.find((i) => i.username === 'staff-keep')!;
    const go = mine.items.find((i) => i.username === 'staff-go')!;
    expect((await decide(chief, id, keep.id, 'keep')).json()).toMatchObject({
      decision: 'keep',
      decidedByName: '使用者 chief-s',
    });
    expect((await decide(head, id, go.id, 'keep')).statusCode).toBe(404);
    const unexplained = await decide(chief, id, go.id, 'revoke');
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().errors[0].field).toBe('note');
    expect((await decide(chief, id, go.id, 'revoke', '已離職')).json().decision).toBe('revoke');
    const goLogin = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff-go', password: 'Test-pass-2026!' },
    });
    expect(goLogin.statusCode).toBe(401);

    // Ten working days later it is overdue: the division head is chased once a day, not twice.
    await timePasses(16 * DAY);
    expect((await runWorkerOnce(t.app.services)).reviewChases).toBeGreaterThan(0);
    expect((await runWorkerOnce(t.app.services)).reviewChases).toBe(0);
    t.clock.advance(DAY);
    expect((await runWorkerOnce(t.app.services)).reviewChases).toBeGreaterThan(0);
    await timePasses(0);
    expect((await detail(head, id)).items[0]!.chased).toBe(2);
    expect((await detail(chief, id)).items.every((i) => i.chased === 0)).toBe(true);

    await decide(head, id, (await detail(head, id)).items[0]!.id, 'keep');
    const rest = (await detail(admin, id)).items.filter((i) => i.decision === null);
    expect(rest.map((i) => i.username).sort()).toEqual(['head-d', 'review-admin']);
    for (const item of rest) expect((await decide(admin, id, item.id, 'keep')).statusCode).toBe(200);
    const closed = await t.inject({ method: 'GET', url: `/api/account-reviews/${id}`, as: admin });
    expect(closed.json()).toMatchObject({ kept: 4, revoked: 1, pending: 0 });
    expect(closed.json().closedAt).not.toBeNull();
    expect((await decide(admin, id, keep.id, 'revoke', 'too late')).statusCode).toBe(403);

    const auditorUser = await t.user('review-auditor', { roles: ['auditor'] });
    await timePasses(0);
    const auditor = await t.login(auditorUser);
    expect((await detail(auditor, id)).items).toHaveLength(5);
  });
});
