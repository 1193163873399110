import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRequestNumber } from '../../src/domain/request-number.js';
import { TestApp, type Session } from '../helpers/test-app.js';

describe('request numbers (000 附件一: CTSP- + year + sequence)', () => {
  let t: TestApp;
  let desk: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    desk = await t.signedIn('desk', { roles: ['desk_agent'] });
  });
  afterAll(() => t.stop());

  it('numbers 25 concurrent filings 1…25 with no gap and no duplicate', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.inject({
          method: 'POST',
          url: '/api/requests',
          as: desk,
          payload: t.requestBody(desk, { title: `並行 ${i}` }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(25).fill(201));
    const numbers = results.map((r) => r.json().number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => `CTSP-115-${String(i + 1).padStart(5, '0')}`));
  });

  it('gives a failed filing’s number back, so the next filing takes it', async () => {
    const before = await t.fileRequest(desk);
    const failed = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: desk,
      payload: t.requestBody(desk, { applicantUserId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(failed.statusCode).toBe(400);
    const after = await t.fileRequest(desk);
    const seq = (n: string) => Number(n.split('-').at(-1));
    expect(seq(after.number)).toBe(seq(before.number) + 1);
  });

  it('grows past five digits as the domain writes it (the database builds the number)', async () => {
    // A year of this agency's: 99,998 filed before.
    await t.database.db
      .insertInto('request_number_counters')
      .values({ prefix: 'CTSP-', year: 114, last_value: 99_998 })
      .execute();
    t.clock.current = new Date('2025-06-02T02:00:00Z');
    desk = await t.login(desk.user);
    const numbers = [];
    for (let i = 0; i < 2; i++) numbers.push((await t.fileRequest(desk)).number);
    expect(numbers).toEqual([formatRequestNumber('CTSP-', 114, 99_999), formatRequestNumber('CTSP-', 114, 100_000)]);
    expect(numbers).toEqual(['CTSP-114-99999', 'CTSP-114-100000']);
  });

  it('starts again at 1 in a new ROC year, by Taipei time', async () => {
    t.clock.current = new Date('2026-12-31T15:59:00Z'); // 23:59 in Taipei, still 115
    desk = await t.login(desk.user);
    expect((await t.fileRequest(desk)).number).toMatch(/^CTSP-115-/);
    t.clock.current = new Date('2026-12-31T16:00:00Z'); // 00:00 on 1 January 2027 in Taipei
    expect((await t.fileRequest(desk)).number).toBe('CTSP-116-00001');
    expect((await t.fileRequest(desk)).number).toBe('CTSP-116-00002');
  });
});

describe('a configured request prefix', () => {
  it('numbers with the agency’s own prefix', async () => {
    const t = await TestApp.start({ requestPrefix: 'TCG-' });
    try {
      const s = await t.signedIn('someone');
      expect((await t.fileRequest(s)).number).toBe('TCG-115-00001');
    } finally {
      await t.stop();
    }
  });
});
