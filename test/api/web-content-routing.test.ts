import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

type Route = {
  menu: string;
  item: string;
  responsibleUnit: string;
  dataProvider: string;
  note: string;
  selfService: boolean;
};

/** Issue 3 / TYPE-4: 附件二, the website maintenance table, shipped whole and edited by administrators. */
describe('附件二 web content routing', () => {
  let t: TestApp;
  let admin: Session;
  let staff: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signedIn('routing-admin', { roles: ['admin'] });
    staff = await t.signedIn('routing-staff');
  });
  afterAll(() => t.stop());

  const table = async (as: Session) =>
    (await t.inject({ method: 'GET', url: '/api/reference/web-content-routing', as })).json<{ rows: Route[] }>().rows;

  it('ships every row of 附件二, in order', async () => {
    const rows = await table(staff);
    expect(rows).toHaveLength(87);
    expect(rows[0]).toEqual({
      menu: '園區公告',
      item: '最新公告',
      responsibleUnit: '全體組室',
      dataProvider: '',
      note: '',
      selfService: false,
    });
    expect(rows.find((r) => r.item === '新聞稿')?.responsibleUnit).toBe('秘書室');
    expect(rows.find((r) => r.menu === '連絡信箱')).toMatchObject({
      responsibleUnit: '工商組(資訊)',
      dataProvider: '政風室',
    });
    expect(rows.filter((r) => r.note === '連結').length).toBeGreaterThan(10);
  });

  it('lets an administrator mark a unit’s back office and edit rows, audited; refuses duplicates and other callers', async () => {
    const rows = await table(admin);
    const edited = rows.map((r) => (r.item === '停電停水停氣' ? { ...r, selfService: true } : r));
    edited.push({
      menu: '園區公告',
      item: '防災專區',
      responsibleUnit: '營建組',
      dataProvider: '',
      note: '',
      selfService: false,
    });
    const res = await t.inject({
      method: 'PUT',
      url: '/api/reference/web-content-routing',
      as: admin,
      payload: { rows: edited },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toHaveLength(88);
    expect((await table(staff)).find((r) => r.item === '停電停水停氣')?.selfService).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('object_id', '=', 'web_content_routing')
      .executeTakeFirstOrThrow();
    expect(audit.data).toEqual({ added: ['園區公告／防災專區'], removed: [], changed: ['園區公告／停電停水停氣'] });

    const duplicate = await t.inject({
      method: 'PUT',
      url: '/api/reference/web-content-routing',
      as: admin,
      payload: { rows: [...edited, edited[0]] },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0].field).toBe('rows');
    const forbidden = await t.inject({
      method: 'PUT',
      url: '/api/reference/web-content-routing',
      as: staff,
      payload: { rows: edited },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
