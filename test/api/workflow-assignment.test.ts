import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

/** Issue 3: a step that names the person to assign (TYPE-2's developer) takes an id or an account name. */
describe('assigning the person an action names', () => {
  let t: TestApp;
  let requester: Session;
  let desk: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    requester = await t.signedIn('wa-requester', { unit: 'investment' });
    desk = await t.signedIn('wa-desk', { roles: ['desk_agent'] });
    officer = await t.signedIn('wa-officer', { roles: ['it_officer'] });
  });
  afterAll(() => t.stop());

  const act = (id: string, action: string, as: Session, fields: Record<string, unknown> = {}) =>
    t.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, as, payload: { fields } });

  it('refuses an unknown account naming the field, and assigns by account name', async () => {
    const vendor = await t.user('wa-vendor', { kind: 'vendor', roles: ['vendor_engineer'] });
    const { id } = await t.fileRequest(requester, {
      type: 'app_dev',
      wishedDate: '2027-01-29',
      form: { system: '公文管理系統', requestKind: 'change' },
    });
    const steps: Array<[string, Session, Record<string, unknown>]> = [
      ['receive', desk, {}],
      ['classify_request', desk, { isSystemChange: true, opinion: '屬系統變更' }],
      [
        'review_six_points',
        officer,
        {
          descriptionClear: true,
          environmentAllows: true,
          businessMature: true,
          technicallyFeasible: true,
          manpowerSufficient: true,
          coordinationNeeded: false,
          meetingNeeded: false,
          opinion: '可行',
        },
      ],
    ];
    for (const [action, as, fields] of steps) {
      const res = await act(id, action, as, fields);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const unknown = await act(id, 'assign_developer', officer, { developerUserId: 'nobody01', developerName: '某人' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'fields.developerUserId', code: 'unknown_user' });
    const named = await act(id, 'assign_developer', officer, { developerUserId: 'wa-vendor', developerName: '謝宗翰' });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().assignee).toMatchObject({ id: vendor.id });

    // The developer keeps the change through the IT section's review to the change itself (app_dev v2).
    const chief = await t.signedIn('wa-chief', { roles: ['it_chief'] });
    const developer = await t.login(vendor);
    const rest: Array<[string, Session, Record<string, unknown>]> = [
      [
        'submit_estimate',
        developer,
        {
          discussedWithItChief: true,
          interviewNotes: '訪談承辦人',
          scope: '新增查詢功能',
          personHours: 40,
          workingDays: 5,
          isNewSystem: false,
          withinAuthority: true,
        },
      ],
      [
        'assess_feasibility',
        officer,
        { legal: true, institutional: true, technical: true, financial: true, otherUnitData: false, opinion: '可行' },
      ],
      ['approve_request', chief, { opinion: '准予辦理' }],
      ['judge_new_system', officer, { isNewSystem: false }],
    ];
    for (const [action, as, fields] of rest) {
      const res = await act(id, action, as, fields);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const d = (await t.inject({ method: 'GET', url: `/api/requests/${id}`, as: developer })).json();
    expect(d.workflow.version).toBe(2);
    expect(d.assignee).toMatchObject({ id: vendor.id });
    expect(d.workflow.actions.map((a: { name: string }) => a.name)).toContain('complete_change');
  });
});
