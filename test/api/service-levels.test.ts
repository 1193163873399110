import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR_DIR } from '../../src/server/bootstrap.js';
import { loadShippedCalendars } from '../../src/server/services/calendar.service.js';
import { runWorkerOnce } from '../../src/server/worker.js';
import { TestApp, type Session } from '../helpers/test-app.js';

const at = (local: string) => new Date(`${local}+08:00`);
type Event = { kind: string; data: Record<string, unknown> };

describe('service-level clocks, warnings, breaches, escalation and chasing (SLA-2, SLA-3)', () => {
  let t: TestApp;
  let requester: Session;
  let desk: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await TestApp.start({ sessionIdleMinutes: 60 * 24 * 60, sessionMaxHours: 24 * 60 });
    await loadShippedCalendars(t.database.db, SHIPPED_CALENDAR_DIR, new Date());
    requester = await t.signedIn('requester', { unit: 'investment' });
    desk = await t.signedIn('desk', { roles: ['desk_agent'] });
    officer = await t.signedIn('officer', { roles: ['it_officer'] });
    await t.database.db
      .updateTable('users')
      .set({ email: 'desk@agency.example' })
      .where('id', '=', desk.user.id)
      .execute();
  });
  afterAll(() => t.stop());

  const detail = async (id: string, as: Session = desk) =>
    (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as })).json();
  const act = (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields } });
  /** Takes steps of the general workflow (TYPE-1) in order; each must succeed. */
  async function steps(id: string, list: Array<[string, Session, Record<string, unknown>?]>) {
    for (const [action, as, fields] of list) {
      const res = await act(id, action, as, fields);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
  }
  const toHandling = (id: string) =>
    steps(id, [
      ['receive', desk],
      ['triage', desk, { isItService: true, withinContract: true, opinion: '合約內維護項目' }],
      ['approve_in_contract', officer, { opinion: '同意' }],
      ['dispatch', desk, { difficulty: 'simple', plannedCompletionDate: '2026-11-27' }],
    ]);
  const worker = () => runWorkerOnce(t.app.services);
  const kinds = (d: { history: Event[] }) => d.history.map((h) => h.kind);

  it('starts the 2-working-hour acknowledgement clock of a Friday-evening fault and shows it on the queue', async () => {
    t.clock.current = at('2026-11-20T16:30:00');
    const r = await t.fileRequest(requester, { title: '週五傍晚故障' });
    const d = await detail(r.id);
    const response = d.clocks.find((c: { key: string }) => c.key === 'fault.response');
    expect(response).toMatchObject({
      status: 'running',
      dueAt: '2026-11-23T01:30:00.000Z',
      basis: 'working',
      targetMs: 7_200_000,
    });
    expect(d.clocks.find((c: { key: string }) => c.key === 'fault.repair').dueAt).toBe('2026-11-23T08:30:00.000Z');
    expect(d.sla).toEqual({ state: 'running', dueAt: '2026-11-23T01:30:00.000Z' });
    expect(d.escalationTier).toBe('first_line_desk');
  });

  it('warns at 75% and 90%, then breaches, escalates one tier and chases — each exactly once', async () => {
    t.clock.current = at('2026-11-23T08:30:00');
    const r = await t.fileRequest(requester, { title: '稽催測試' });

    const responseEvents = async () =>
      (await detail(r.id)).history.filter((h: Event) => h.data['clock'] === 'fault.response').map((h: Event) => h.kind);
    t.clock.current = at('2026-11-23T10:00:00'); // 75% of 2 working hours
    await worker();
    await worker();
    expect(await responseEvents()).toEqual(['clock_started', 'clock_warning']);
    t.clock.current = at('2026-11-23T10:20:00'); // 91%
    await worker();
    expect(await responseEvents()).toEqual(['clock_started', 'clock_warning', 'clock_warning']);
    t.clock.current = at('2026-11-23T10:31:00'); // past due
    await worker();
    await worker();

    let d = await detail(r.id);
    const clockEvents = d.history.filter((h: Event) => h.data['clock'] === 'fault.response').map((h: Event) => h.kind);
    expect(clockEvents).toEqual(['clock_started', 'clock_warning', 'clock_warning', 'clock_breached', 'escalated']);
    expect(d.escalationTier).toBe('second_line_technical');
    expect(d.sla.state).toBe('breached');

    // The IT officer (second line) is told of the escalation; the desk had the warnings.
    const officerNotes = (await t.inject({ method: 'GET', url: '/api/notifications', as: officer })).json();
    expect(
      officerNotes
        .filter((n: { kind: string; requestId: string }) => n.requestId === r.id)
        .map((n: { kind: string }) => n.kind),
    ).toEqual(['sla_escalation']);
    const deskNotes = (await t.inject({ method: 'GET', url: '/api/notifications', as: desk })).json();
    expect(
      deskNotes
        .filter((n: { requestId: string }) => n.requestId === r.id)
        .map((n: { kind: string }) => n.kind)
        .sort(),
    ).toEqual(['request_new', 'sla_warning', 'sla_warning']);

    // 稽催: a reminder every 2 working hours until someone acts.
    t.clock.current = at('2026-11-23T14:35:00');
    await worker();
    await worker();
    await steps(r.id, [['receive', desk]]);
    d = await detail(r.id);
    expect(d.clocks.find((c: { key: string }) => c.key === 'fault.response')).toMatchObject({ status: 'stopped' });
    expect(d.history.filter((h: Event) => h.kind === 'chased')).toHaveLength(1);
  });

  it('stops the acknowledgement clock when the desk receives the request in time (受理)', async () => {
    t.clock.current = at('2026-11-24T09:00:00');
    const r = await t.fileRequest(requester);
    t.clock.current = at('2026-11-24T09:45:00');
    await steps(r.id, [['receive', desk]]);
    const d = await detail(r.id);
    const stopped = d.history.find((h: Event) => h.kind === 'clock_stopped' && h.data['clock'] === 'fault.response');
    expect(stopped.data).toMatchObject({ met: true, usedMs: 45 * 60_000 });
    expect(d.clocks.find((c: { key: string }) => c.key === 'fault.response').status).toBe('stopped');
  });

  it('pauses while waiting for the requester and resumes after, moving the due time by the pause', async () => {
    t.clock.current = at('2026-11-25T08:30:00');
    const r = await t.fileRequest(requester);
    await toHandling(r.id);
    t.clock.current = at('2026-11-25T10:30:00'); // 2 h of the 8-hour repair used
    await steps(r.id, [['wait_for_requester', desk, { question: '請提供設備序號' }]]);
    let d = await detail(r.id);
    expect(d.status).toBe('waiting');
    expect(d.clocks.find((c: { key: string }) => c.key === 'fault.repair')).toMatchObject({
      status: 'paused',
      dueAt: null,
    });
    expect(d.sla.state).toBe('paused');

    t.clock.current = at('2026-11-26T08:30:00');
    await steps(r.id, [['resume', requester, { reply: 'SN-12345' }]]);
    d = await detail(r.id);
    expect(d.clocks.find((c: { key: string }) => c.key === 'fault.repair')).toMatchObject({
      status: 'running',
      dueAt: '2026-11-26T07:30:00.000Z',
    });
    expect(kinds(d)).toEqual(expect.arrayContaining(['clock_paused', 'clock_resumed']));

    t.clock.current = at('2026-11-26T09:00:00');
    await steps(r.id, [
      ['complete_handling', desk, { handlingResult: '已更換碳粉匣', actualCompletionDate: '2026-11-26' }],
    ]);
    d = await detail(r.id);
    expect(d.clocks.filter((c: { status: string }) => c.status !== 'stopped')).toEqual([]);
    expect(d.sla.state).toBe('met');
    expect(
      d.history.find((h: Event) => h.kind === 'clock_stopped' && h.data['clock'] === 'fault.repair').data,
    ).toMatchObject({ met: true, usedMs: 2.5 * 3_600_000 });

    // INT-5: the requester confirms, the desk archives, and the request closes.
    await steps(r.id, [
      ['confirm', requester],
      ['archive', desk],
    ]);
    expect((await detail(r.id, requester)).status).toBe('closed');
  });

  it('counts the incident report in wall-clock time: one hour, through the night', async () => {
    t.clock.current = at('2026-11-21T23:30:00');
    const r = await t.fileRequest(desk, {
      type: 'security_incident',
      channel: 'phone',
      title: '疑似勒索軟體',
      form: {
        agencyName: '中部科學園區管理局',
        reporterName: '王小明',
        reporterPhone: '04-2565-8588',
        occurredAt: '2026-11-21T23:10:00+08:00',
        category: 'virus',
        damage: 'crash',
        description: '檔案遭加密',
      },
    });
    const d = await detail(r.id);
    expect(d.clocks).toEqual([
      expect.objectContaining({ key: 'incident.report', basis: 'wall', dueAt: '2026-11-21T16:30:00.000Z' }),
    ]);
  });

  it('sorts the queue by time left', async () => {
    t.clock.current = at('2026-11-27T08:30:00');
    const soon = await t.fileRequest(requester, { title: '排序 早' }); // 2 working hours from now
    t.clock.current = at('2026-11-27T09:30:00');
    const late = await t.fileRequest(requester, { title: '排序 晚' }); // an hour later
    t.clock.current = at('2026-11-27T08:30:00');
    const list = (await t.inject({ method: 'GET', url: '/api/requests?q=排序&sort=dueAt', as: desk })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([soon.id, late.id]);
    expect(list.items[0].sla).toEqual({ state: 'running', dueAt: expect.any(String) });
  });

  it('refuses an action the request’s step does not offer, one the caller may not take, and missing fields', async () => {
    const r = await t.fileRequest(requester);
    const confirm = await act(r.id, 'confirm', requester);
    expect(confirm.statusCode).toBe(409);
    const receive = await act(r.id, 'receive', requester);
    expect(receive.statusCode).toBe(403);
    await steps(r.id, [['receive', desk]]);
    const noFields = await act(r.id, 'triage', desk);
    expect(noFields.statusCode).toBe(400);
    expect(noFields.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['fields.isItService', 'fields.opinion']),
    );
    await steps(r.id, [
      ['triage', desk, { isItService: true, withinContract: true, opinion: '合約內' }],
      ['refuse', officer, { reasons: '非資訊業務，請洽總務' }],
    ]);
    const d = await detail(r.id, requester);
    expect(d.status).toBe('rejected');
    expect(d.history.find((h: Event) => h.kind === 'transition' && h.data['action'] === 'refuse')).toMatchObject({
      toStatus: 'rejected',
      data: { fields: { reasons: '非資訊業務，請洽總務' } },
    });
    const notes = (await t.inject({ method: 'GET', url: '/api/notifications?unread=true', as: requester })).json();
    expect(notes.find((n: { requestId: string }) => n.requestId === r.id)).toMatchObject({ kind: 'request_returned' });
  });

  it('keeps mail in the outbox when no SMTP server is configured, for administrators to see', async () => {
    const admin = await t.signedIn('admin', { roles: ['admin'] });
    const outbox = (await t.inject({ method: 'GET', url: '/api/admin/outbox', as: admin })).json();
    expect(outbox.length).toBeGreaterThan(0);
    expect(
      outbox.every((m: { status: string; to: string }) => m.status === 'kept' && m.to === 'desk@agency.example'),
    ).toBe(true);
  });

  it('lets an administrator change the warning thresholds, and refuses nonsense', async () => {
    const admin = await t.signedIn('admin2', { roles: ['admin'] });
    const nextCheck = (id: string) =>
      t.database.db
        .selectFrom('request_clocks')
        .select(['next_check_at', 'due_at', 'started_at'])
        .where('request_id', '=', id)
        .where('target_key', '=', 'fault.response')
        .executeTakeFirstOrThrow();
    // Filed under the thresholds in force (0.75 and 0.9 of the target, or as an earlier test left them).
    const before = await nextCheck((await t.fileRequest(requester, { title: '門檻調整前的故障' })).id);
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/settings/sla',
      as: admin,
      payload: { warningThresholds: [1.5], chaseIntervalMinutes: 60 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('warningThresholds.0');
    const ok = await t.inject({
      method: 'PUT',
      url: '/api/settings/sla',
      as: admin,
      payload: { warningThresholds: [0.5], chaseIntervalMinutes: 60 },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/settings/sla', as: desk })).json()).toEqual({
      warningThresholds: [0.5],
      chaseIntervalMinutes: 60,
    });
    // The next clock started in this process warns at the new threshold at once: the settings are
    // kept in memory, and a change made here replaces them.
    const after = await nextCheck((await t.fileRequest(requester, { title: '門檻調整後的故障' })).id);
    expect(after.started_at).toEqual(before.started_at);
    expect(after.due_at).toEqual(before.due_at);
    expect(after.next_check_at!.getTime()).toBeLessThan(before.next_check_at!.getTime());
  });

  it('reports compliance by type and by clock over a period, and exports it as CSV (SLA-4)', async () => {
    const q = 'from=2026-11-20&to=2026-11-30';
    const byTarget = await t.inject({
      method: 'GET',
      url: `/api/reports/service-levels?${q}&groupBy=target`,
      as: desk,
    });
    expect(byTarget.statusCode).toBe(200);
    const response = byTarget.json().rows.find((r: { key: string }) => r.key === 'fault.response');
    // Two acknowledgements were late (the Friday fault and the chased one); the others were in time.
    expect(response.breached).toBeGreaterThanOrEqual(2);
    expect(response.met).toBeGreaterThanOrEqual(2);
    expect(response.compliance).toBeCloseTo(response.met / (response.met + response.breached), 3);
    const totals = byTarget.json().totals;
    expect(totals.total).toBe(totals.met + totals.breached + totals.open);

    const byType = (
      await t.inject({ method: 'GET', url: `/api/reports/service-levels?${q}&groupBy=type`, as: desk })
    ).json();
    expect(byType.rows.map((r: { key: string }) => r.key).sort()).toEqual(['general', 'security_incident']);

    const csv = await t.inject({
      method: 'GET',
      url: `/api/reports/service-levels?${q}&groupBy=type&format=csv`,
      as: desk,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('達成率 compliance');
    expect(lines.some((l) => l.startsWith('一般資訊服務,'))).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'report.exported')
      .execute();
    expect(audit).toHaveLength(1);

    const forbidden = await t.inject({ method: 'GET', url: `/api/reports/service-levels?${q}`, as: requester });
    expect(forbidden.statusCode).toBe(403);
    const backwards = await t.inject({
      method: 'GET',
      url: '/api/reports/service-levels?from=2026-12-01&to=2026-11-01',
      as: desk,
    });
    expect(backwards.statusCode).toBe(400);
  });
});
