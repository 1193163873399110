import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

const APPLICATION = {
  park: 'ctsp',
  applicationCategory: 'new',
  applicantKind: 'park_company',
  companyCode: 'TW12345678',
  companyName: '中科精密股份有限公司',
  responsiblePerson: '林大同',
  adminEmployeeNo: 'E0042',
  adminName: '陳小華',
  adminPhone: '04-2560-0000',
  adminDepartment: '關務部',
  adminSupervisor: '張經理',
  adminEmail: 'admin@precision.example',
};

/** Issue 3 / TYPE-7 (000 §2.7, 附件四): the public application, the stamped original, the checks, the account. */
describe('vendor administrator account applications', () => {
  let t: TestApp;
  let desk: Session;
  let trade: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.signedIn('va-admin', { roles: ['admin'] });
    desk = await t.signedIn('va-desk', { roles: ['desk_agent'] });
    officer = await t.signedIn('va-officer', { roles: ['it_officer'] });
    trade = await t.signedIn('va-trade', { unit: 'foreign-trade' });
    const units = await t.inject({
      method: 'PUT',
      url: '/api/settings/workflow-units',
      as: admin,
      payload: { serviceUnitId: null, businessUnitId: await t.unit('foreign-trade') },
    });
    expect(units.statusCode).toBe(200);
  });
  afterAll(() => t.stop());

  const act = (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields } });
  const apply = (form: Record<string, unknown>, remoteAddress = '198.51.100.1') =>
    t.inject({ method: 'POST', url: '/api/public/vendor-applications', payload: { form }, remoteAddress });

  it('takes an application without an account, then the original, the business unit’s check and approval create the account', async () => {
    const missing = await apply({ ...APPLICATION, adminEmail: undefined, companyName: '' });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['form.adminEmail', 'form.companyName']);
    const applied = await apply(APPLICATION);
    expect(applied.statusCode).toBe(201);
    const { id, number } = applied.json<{ id: string; number: string }>();
    expect(number).toMatch(/^CTSP-115-\d{5}$/);

    const steps: Array<[string, Session, Record<string, unknown>]> = [
      ['receive_original', desk, { receivedOn: '2026-11-23', companySeal: true, responsiblePersonSeal: true }],
      ['pass_completeness_review', desk, { formComplete: true, equipmentReady: true }],
      ['confirm_park_company', trade, { confirmed: true, kind: 'park_company', opinion: '確為園區廠商' }],
      ['approve_account', officer, { opinion: '同意' }],
    ];
    // Only the business unit checks that the applicant is a park company.
    for (const [action, as, fields] of steps) {
      if (action === 'confirm_park_company') expect((await act(id, action, desk, fields)).statusCode).toBe(403);
      const res = await act(id, action, as, fields);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const detail = (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as: desk })).json();
    expect(detail.createdBy).toBeNull();
    const created = detail.history.find((h: { kind: string }) => h.kind === 'account_created');
    expect(created.data.username).toBe('tw12345678-admin');
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', created.data.userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ kind: 'external', email: 'admin@precision.example' });
    expect(user.expires_at).not.toBeNull();
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('body')
      .where('to_address', '=', 'admin@precision.example')
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain('/reset-password?token=');
  });

  it('explains a refusal to the applicant by mail, at the address on the form', async () => {
    const applied = await apply(
      { ...APPLICATION, companyCode: 'TW00000001', adminEmail: 'refused@company.example' },
      '198.51.100.2',
    );
    const { id } = applied.json<{ id: string }>();
    for (const [action, as, fields] of [
      ['receive_original', desk, { receivedOn: '2026-11-23', companySeal: true, responsiblePersonSeal: true }],
      ['not_approved', desk, { reasons: '申請表未加蓋公司章' }],
      [
        'explain_refusal',
        officer,
        { reasons: '請補蓋公司章後重新申請', explainedOn: '2026-11-23', explainedVia: 'email' },
      ],
    ] as const) {
      const res = await act(id, action, as, fields);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['subject'])
      .where('to_address', '=', 'refused@company.example')
      .execute();
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining('已退件')]);
  });

  it('slows down an address that keeps applying', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await apply({ ...APPLICATION, companyCode: `C${i}` }, '198.51.100.9')).statusCode);
    expect(answers).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
