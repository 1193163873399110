import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingDaysAfter } from '../../src/domain/workflow/rules.js';
import { SHIPPED_CALENDAR_DIR } from '../../src/server/bootstrap.js';
import { loadShippedCalendars } from '../../src/server/services/calendar.service.js';
import { shippedCalendar } from '../helpers/shipped-calendar.js';
import { TestApp, type Session } from '../helpers/test-app.js';

/**
 * Issue 4 (SLA-2, 004 壹一): a connected agency announces a rule change ten working days ahead; the
 * platform confirms by phone and assesses the impact; when the platform must change, the new rule
 * goes live no earlier than that change.
 */
const FORM = {
  agencyName: '財政部關務署',
  ruleName: '進口報單欄位檢核規則',
  changeKind: 'modify',
  changeDescription: '進口報單之貨物稅則號列改為 11 碼檢核。',
  contactName: '李小姐',
  contactEmail: 'rules@customs.example',
  contactPhone: '02-2550-5500',
};
type Problem = { field: string; code: string; message: string; message_zh: string };

describe('rule-change notices of connected agencies', () => {
  let t: TestApp;
  let agency: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    // The office calendar as shipped, so that holidays count (the test app starts with none).
    await loadShippedCalendars(t.database.db, SHIPPED_CALENDAR_DIR, t.clock.now());
    agency = await t.signedIn('rc-agency', { unit: 'customs' });
    officer = await t.signedIn('rc-officer', { roles: ['it_officer'] });
  });
  afterAll(() => t.stop());

  const notify = (wishedDate: string, applicationDate = '2026-11-23') =>
    t.inject({
      method: 'POST',
      url: '/api/requests',
      as: agency,
      payload: t.requestBody(agency, {
        type: 'rule_change',
        title: '進口報單檢核規則變更',
        description: '稅則號列檢核由 10 碼改為 11 碼。',
        wishedDate,
        applicationDate,
        form: FORM,
      }),
    });
  const act = (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields } });
  const ok = async (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) => {
    const res = await act(id, action, as, fields);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  const detail = async (id: string) =>
    (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as: agency })).json();

  it('needs ten working days of notice, counted on the office calendar', async () => {
    // Monday 2026-11-23: ten working days on is Monday 2026-12-07.
    expect(workingDaysAfter('2026-11-23', 10, shippedCalendar().isWorkingDay)).toBe('2026-12-07');
    const early = await notify('2026-12-04');
    expect(early.statusCode).toBe(400);
    const [error] = early.json<{ errors: Problem[] }>().errors;
    expect(error).toMatchObject({ field: 'wishedDate', code: 'lead_time' });
    expect(error!.message_zh).toContain('十個工作天');
    expect(error!.message_zh).toContain('2026-12-07');
    expect((await notify('2026-12-07')).statusCode).toBe(201);
  });

  it('skips the Lunar New Year holidays when counting', async () => {
    const saved = t.clock.current;
    t.clock.current = new Date('2026-02-10T02:00:00Z');
    try {
      // Re-sign in: the session would have lapsed across the moved clock.
      agency = await t.login(agency.user);
      const earliest = workingDaysAfter('2026-02-10', 10, shippedCalendar().isWorkingDay);
      expect(earliest > workingDaysAfter('2026-02-10', 10)).toBe(true);
      const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const early = await notify(dayBefore, '2026-02-10');
      expect(early.statusCode).toBe(400);
      expect(early.json<{ errors: Problem[] }>().errors[0]!.code).toBe('lead_time');
      const res = await notify(earliest, '2026-02-10');
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      t.clock.current = saved;
      agency = await t.login(agency.user);
    }
  });

  it('a platform change holds the go-live until it is done; printed as a record', async () => {
    const filed = await notify('2026-12-10');
    const { id } = filed.json<{ id: string }>();
    expect(
      (await act(id, 'confirm_by_phone', agency, { confirmedAt: '2026-11-23T10:00:00+08:00', confirmedWith: '李小姐' }))
        .statusCode,
    ).toBe(403);
    await ok(id, 'confirm_by_phone', officer, { confirmedAt: '2026-11-23T10:00:00+08:00', confirmedWith: '李小姐' });
    const missingDate = await act(id, 'assess_impact', officer, {
      impact: '報單檢核模組須修改',
      systemChangeNeeded: true,
    });
    expect(missingDate.statusCode).toBe(400);
    expect(missingDate.json<{ errors: Problem[] }>().errors.map((e) => e.field)).toContain('fields.fixCompletionDate');
    await ok(id, 'assess_impact', officer, {
      impact: '報單檢核模組須修改',
      systemChangeNeeded: true,
      fixCompletionDate: '2026-12-20',
    });
    let d = await detail(id);
    expect(d.workflow.active.map((s: { id: string }) => s.id)).toEqual(['platform_fix']);
    // The agency may not go live before the platform's change is done.
    const tooSoon = await act(id, 'reschedule', agency, { goLiveDate: '2026-12-15' });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json<{ errors: Problem[] }>().errors[0]!.code).toBe('date_after_limit');
    await ok(id, 'reschedule', agency, { goLiveDate: '2026-12-21' });
    expect((await act(id, 'confirm_go_live', agency, { liveOn: '2026-12-21' })).statusCode).toBe(409);
    await ok(id, 'complete_fix', officer, { completedOn: '2026-12-18', note: '檢核模組已改為 11 碼' });
    const beforeFix = await act(id, 'confirm_go_live', agency, { liveOn: '2026-12-17' });
    expect(beforeFix.statusCode).toBe(400);
    await ok(id, 'confirm_go_live', agency, { liveOn: '2026-12-21' });
    d = await detail(id);
    expect(d.status).toBe('closed');

    const pdf = await t.inject({ method: 'GET', url: `/api/requests/${id}/form.pdf`, as: officer });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('without a platform change the notice waits only for the go-live', async () => {
    const { id } = (await notify('2026-12-10')).json<{ id: string }>();
    await ok(id, 'confirm_by_phone', officer, { confirmedAt: '2026-11-23T11:00:00+08:00', confirmedWith: '李小姐' });
    await ok(id, 'assess_impact', officer, { impact: '僅調整提示訊息，平臺無須修改', systemChangeNeeded: false });
    expect((await detail(id)).status).toBe('resolved');
    await ok(id, 'confirm_go_live', officer, { liveOn: '2026-12-10' });
    expect((await detail(id)).status).toBe('closed');
  });
});
