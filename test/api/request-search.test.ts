import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COUNT_CAP,
  TEXT_COUNT_CAP,
  searchCondition,
  textSearchOf,
} from '../../src/db/repositories/request.repository.js';
import { TestApp, type Session } from '../helpers/test-app.js';

/**
 * Issue 7: free-text search in Chinese through the trigram index, one- and two-character terms
 * through the index of characters and pairs, and counts that stop at COUNT_CAP, on more requests
 * than the cap.
 */
describe('searching and counting many requests (issue 7)', () => {
  let t: TestApp;
  let requester: Session;
  let desk: Session;
  let old: { id: string; number: string };
  let recent: { id: string; number: string };

  beforeAll(async () => {
    t = await TestApp.start();
    requester = await t.signedIn('requester', { unit: 'investment' });
    desk = await t.signedIn('desk', { unit: 'it-services', roles: ['desk_agent'], kind: 'contractor' });
    old = await t.fileRequest(requester, { title: '舊案件甲 伺服器機房冷氣異常', description: '機房溫度過高。' });
    // More newer requests than the cap counts, all after the old one.
    const filler = COUNT_CAP + 5;
    await sql`insert into requests (number, type, channel, status, unit_id, applicant_name, applicant_phone,
        application_date, wished_date, title, description, created_by, created_at, updated_at)
      select 'FILL-' || g, 'general', 'web', 'closed', ${requester.user.unitId}::uuid, '填充者', '0',
        '2026-11-23', '2026-11-30', '填充案件 ' || g, '批次載入', ${requester.user.id}::uuid,
        ${t.clock.now()}::timestamptz + g * interval '1 millisecond', ${t.clock.now()}::timestamptz
      from generate_series(1, ${filler}) g`.execute(t.database.db);
    t.clock.advance(60_000);
    recent = await t.fileRequest(requester, { title: '新案件乙 VPN 無法連線', description: '在家無法連上公司網路。' });
  }, 120_000);
  afterAll(() => t.stop());

  const search = async (q: string, as: Session = desk, extra = '') => {
    const res = await t.inject({ method: 'GET', url: `/api/requests?q=${encodeURIComponent(q)}${extra}`, as });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      items: Array<{ id: string }>;
      total: number;
      totalCapped: boolean;
    }>();
    return { ...body, ids: body.items.map((i) => i.id) };
  };

  it('finds a Chinese term of three or more characters anywhere, however old, through the trigram index', async () => {
    const hit = await search('舊案件甲');
    expect(hit).toMatchObject({ ids: [old.id], total: 1, totalCapped: false });
    expect((await search('機房溫度')).ids).toEqual([old.id]); // the description
    expect((await search('冷氣異常')).ids).toEqual([old.id]);
    expect((await search('連上公司網路')).ids).toEqual([recent.id]);
    expect((await search('沒有這個詞')).total).toBe(0);
    // The applicant's name and the number, without regard to case.
    expect((await search('王小明')).total).toBe(2);
    expect((await search(old.number.toLowerCase())).ids).toEqual([old.id]);
    expect((await search('vpn 無法')).ids).toEqual([recent.id]);
  });

  it('finds one- and two-character terms in every request, however old, through the index of characters and pairs', async () => {
    expect(await search('新案')).toMatchObject({ ids: [recent.id], total: 1, totalCapped: false });
    expect((await search('乙')).ids).toEqual([recent.id]);
    // The old request is behind 10,005 newer ones.
    expect(await search('舊案')).toMatchObject({ ids: [old.id], total: 1 });
    expect((await search('甲')).ids).toEqual([old.id]);
    expect((await search('冷氣')).ids).toEqual([old.id]);
    // Not three letters in a row, with case and a space: every character and pair counts, in order.
    expect((await search('n 無')).ids).toEqual([recent.id]);
    expect((await search('N 無')).ids).toEqual([recent.id]);
    expect((await search('無 N')).ids).toEqual([]);
    expect((await search('沒有')).total).toBe(0);
    // Still within the caller's scope: a requester finds their own.
    expect((await search('新案', requester)).ids).toEqual([recent.id]);
  });

  it('counts matches up to the cap and then says there are more', async () => {
    const all = await search('', desk, '&pageSize=1');
    expect(all).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // A free-text search stops counting sooner.
    const filler = await search('填充案件', desk, '&pageSize=5');
    expect(filler).toMatchObject({ total: TEXT_COUNT_CAP, totalCapped: true });
    expect(filler.items).toHaveLength(5);
    // A short term's count is capped like any other search.
    expect(await search('填充', desk, '&pageSize=1')).toMatchObject({ total: TEXT_COUNT_CAP, totalCapped: true });
    // Under the cap the count is exact, also when the page is full.
    const exact = await search('案件', requester, '&status=submitted&pageSize=1');
    expect(exact).toMatchObject({ total: 2, totalCapped: false });
    const submitted = await t.inject({ method: 'GET', url: '/api/requests?status=submitted&pageSize=1', as: desk });
    expect(submitted.json()).toMatchObject({ total: 2, totalCapped: false });
    // A page past the cap still has its rows, and the total is never less than what was shown.
    const deep = await search('填充案件', desk, `&pageSize=100&page=${TEXT_COUNT_CAP / 100 + 2}`);
    expect(deep.items).toHaveLength(100);
    expect(deep.total).toBeGreaterThanOrEqual(TEXT_COUNT_CAP + 200);
    expect(deep.totalCapped).toBe(true);
  });

  /** The plan of a search with sequential scans priced out. */
  const planOf = (term: string) =>
    t.database.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      const rows = await tx.selectFrom('requests as r').select('r.id').where(searchCondition(term)).explain();
      return rows.map((r) => Object.values(r).join(' ')).join('\n');
    });

  it('searches the expression the trigram index holds, so the planner can use it', async () => {
    expect(await planOf('舊案件')).toContain('requests_search_trgm_idx');
  });

  it('searches a short term through the index of characters and pairs', async () => {
    expect(await planOf('網路')).toContain('requests_search_grams_idx');
  });

  it('tells which terms the index can look up and which need case folding', () => {
    expect(textSearchOf('印表機')).toEqual({ pattern: '%印表機%', caseless: true, indexed: true });
    expect(textSearchOf('網路')).toMatchObject({ caseless: true, indexed: false });
    expect(textSearchOf('CTSP-115')).toMatchObject({ caseless: false, indexed: true });
    expect(textSearchOf('115')).toMatchObject({ caseless: true, indexed: true });
    expect(textSearchOf('50%_')).toMatchObject({ pattern: '%50\\%\\_%', indexed: false });
  });
});
