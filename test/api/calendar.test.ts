import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR_DIR } from '../../src/server/bootstrap.js';
import { loadShippedCalendars } from '../../src/server/services/calendar.service.js';
import { multipart, TestApp, type Session } from '../helpers/test-app.js';

describe('the office calendar over HTTP (SLA-1)', () => {
  let t: TestApp;
  let admin: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    expect(await loadShippedCalendars(t.database.db, SHIPPED_CALENDAR_DIR, new Date())).toEqual([
      2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    admin = await t.signedIn('admin', { roles: ['admin'] });
    staff = await t.signedIn('staff');
  });
  afterAll(() => t.stop());

  const get = async (s: Session, url: string) => {
    const res = await t.inject({ method: 'GET', url, as: s });
    return { status: res.statusCode, body: res.json() };
  };

  it('adds working time across Chinese New Year 2026', async () => {
    const r = await get(
      staff,
      `/api/calendar/add?start=${encodeURIComponent('2026-02-13T16:30:00+08:00')}&duration=PT2H`,
    );
    expect(r).toEqual({ status: 200, body: { end: '2026-02-23T09:30:00+08:00', warnings: [] } });
  });

  it('counts P3D as three working days and accepts UTC instants', async () => {
    const r = await get(staff, '/api/calendar/add?start=2026-11-20T02:00:00Z&duration=P3D');
    expect(r.body.end).toBe('2026-11-25T10:00:00+08:00');
  });

  it('measures working time between two instants', async () => {
    const r = await get(
      staff,
      `/api/calendar/between?from=${encodeURIComponent('2025-02-07T08:30:00+08:00')}&to=${encodeURIComponent('2025-02-10T08:30:00+08:00')}`,
    );
    expect(r.body).toEqual({ duration: 'PT16H', milliseconds: 16 * 3_600_000, warnings: [] });
  });

  it('warns when a span reaches a year with no calendar file', async () => {
    const r = await get(
      staff,
      `/api/calendar/add?start=${encodeURIComponent('2026-12-31T17:00:00+08:00')}&duration=PT1H`,
    );
    expect(r.body.end).toBe('2027-01-01T09:00:00+08:00'); // 2027 falls back to weekdays: New Year's Day is a Friday
    expect(r.body.warnings).toEqual([
      expect.objectContaining({ year: 2027, 'zh-TW': expect.stringContaining('2027 年尚未匯入辦公日曆表') }),
    ]);
  });

  it('refuses a duration in months and an instant without offset, naming the field', async () => {
    const months = await get(staff, '/api/calendar/add?start=2026-02-13T08:30:00Z&duration=P1M');
    expect(months.status).toBe(400);
    expect(months.body.errors[0]).toMatchObject({ field: 'duration', in: 'query' });
    const local = await get(staff, '/api/calendar/add?start=2026-02-13T08:30:00&duration=PT1H');
    expect(local.status).toBe(400);
    expect(local.body.errors[0]).toMatchObject({ field: 'start', in: 'query' });
  });

  it('lists a year as loaded, with its source, working Saturdays and holiday names', async () => {
    const r = await get(staff, '/api/calendar/days?year=2025');
    expect(r.body.source).toMatchObject({
      year: 2025,
      fileName: '114年中華民國政府行政機關辦公日曆表1141020更新.csv',
      origin: 'shipped',
    });
    expect(r.body.days).toHaveLength(365);
    expect(r.body.days.find((d: { date: string }) => d.date === '2025-02-08')).toEqual({
      date: '2025-02-08',
      weekday: 6,
      holiday: false,
      note: '補行上班',
    });
    const none = await get(staff, '/api/calendar/days?year=2028');
    expect(none.body.source).toBeNull();
    expect(none.body.warning).toMatchObject({ year: 2028 });
    expect(none.body.days).toHaveLength(366);
  });

  it('lets an administrator import a year, Big5 included, which then replaces the year', async () => {
    const bytes = fs.readFileSync(`${SHIPPED_CALENDAR_DIR}/114年中華民國政府行政機關辦公日曆表.csv`);
    const upload = multipart([{ name: '114年原始版.csv', type: 'text/csv', content: bytes }]);
    const res = await t.inject({
      method: 'POST',
      url: '/api/calendar/imports',
      as: admin,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      source: { year: 2025, origin: 'imported', dayCount: 365 },
      replaced: '114年中華民國政府行政機關辦公日曆表1141020更新.csv',
      workingSaturdays: 1,
    });
    // The original 2025 file had 24 October as a working day; the import put it back.
    const day = (await get(staff, '/api/calendar/days?year=2025')).body.days.find(
      (d: { date: string }) => d.date === '2025-10-24',
    );
    expect(day.holiday).toBe(false);
    expect(
      (
        await get(
          staff,
          `/api/calendar/between?from=${encodeURIComponent('2025-10-24T00:00:00+08:00')}&to=${encodeURIComponent('2025-10-25T00:00:00+08:00')}`,
        )
      ).body.duration,
    ).toBe('PT8H');
    // A shipped file never replaces an imported one.
    expect(await loadShippedCalendars(t.database.db, SHIPPED_CALENDAR_DIR, new Date())).toEqual([]);

    const big5 = fs.readFileSync(`${SHIPPED_CALENDAR_DIR}/114年中華民國政府行政機關辦公日曆表1141020更新.csv`);
    const again = multipart([{ name: 'big5.csv', type: 'text/csv', content: big5 }]);
    const res2 = await t.inject({
      method: 'POST',
      url: '/api/calendar/imports',
      as: admin,
      payload: again.payload,
      headers: again.headers,
    });
    expect(res2.statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'calendar.imported')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a broken file with the line of each problem, and leaves the year as it was', async () => {
    const upload = multipart([
      {
        name: 'bad.csv',
        type: 'text/csv',
        content: '西元日期,星期,是否放假,備註\n20260101,四,2,開國紀念日\n20260102,五,9,\n',
      },
    ]);
    const res = await t.inject({
      method: 'POST',
      url: '/api/calendar/imports',
      as: admin,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['file.line3', 'file']);
    expect(res.json().detail_zh).toContain('第 3 行');
    expect((await get(staff, '/api/calendar/days?year=2026')).body.source.origin).toBe('shipped');
  });

  it('lets only administrators import calendars or change office hours', async () => {
    const upload = multipart([{ name: 'x.csv', type: 'text/csv', content: 'x' }]);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/calendar/imports',
          as: staff,
          payload: upload.payload,
          headers: upload.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.inject({
          method: 'PUT',
          url: '/api/settings/office-hours',
          as: staff,
          payload: { periods: [{ start: '09:00', end: '17:00' }] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('uses the agency’s office hours once an administrator changes them, and audits the change', async () => {
    expect((await get(staff, '/api/settings/office-hours')).body).toEqual({
      periods: [
        { start: '08:30', end: '12:30' },
        { start: '13:30', end: '17:30' },
      ],
    });
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/settings/office-hours',
      as: admin,
      payload: { periods: [{ start: '13:00', end: '12:00' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('periods');
    const ok = await t.inject({
      method: 'PUT',
      url: '/api/settings/office-hours',
      as: admin,
      payload: { periods: [{ start: '09:00', end: '17:00' }] },
    });
    expect(ok.statusCode).toBe(200);
    const r = await get(
      staff,
      `/api/calendar/add?start=${encodeURIComponent('2026-11-23T16:00:00+08:00')}&duration=PT2H`,
    );
    expect(r.body.end).toBe('2026-11-24T10:00:00+08:00');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'settings.changed')
      .executeTakeFirstOrThrow();
    expect(audit.data).toEqual({ before: ['08:30-12:30', '13:30-17:30'], after: ['09:00-17:00'] });
  });
});
