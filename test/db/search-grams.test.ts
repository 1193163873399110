import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { freshDatabase } from '../helpers/database.js';

/**
 * Issue 7 (migrations 20261123T1300, 20261123T2100, 20261123T2300): a short term is looked up by its pairs of
 * neighbouring characters (its one character, for a term of one), each of which a text holding the
 * term has among its grams, so the grams index narrows the search without losing a match.
 */
describe('the grams a short search term is looked up by', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const pairs = async (term: string) =>
    (await sql<{ p: string[] }>`select govdesk_search_pairs(${term}) as p`.execute(database.db)).rows[0]!.p;
  const found = async (text: string, term: string) =>
    (
      await sql<{ hit: boolean }>`select govdesk_search_grams(${text}) @> govdesk_search_pairs(${term}) as hit`.execute(
        database.db,
      )
    ).rows[0]!.hit;

  it('is the pair for two characters, the character for one, lower-cased, without repeats', async () => {
    expect(await pairs('網路')).toEqual(['網路']);
    expect(await pairs('網')).toEqual(['網']);
    expect((await pairs('A b')).sort()).toEqual([' b', 'a ']);
    expect(await pairs('aaa')).toEqual(['aa']);
  });

  it('gives a text its characters and pairs of neighbouring characters, lower-cased, and nothing else', async () => {
    const grams = async (text: string | null) =>
      (await sql<{ g: string[] | null }>`select govdesk_search_grams(${text}) as g`.execute(database.db)).rows[0]!.g;
    const expected = (text: string) => {
      const chars = Array.from(text.toLowerCase());
      return new Set([...chars, ...chars.slice(1).map((c, i) => chars[i] + c)]);
    };
    for (const text of ['CTSP-115-00001 辦公室網路斷線', 'VPN 連線 A B', '網', 'aaa', '𠮷野家 WiFi', '']) {
      expect(new Set(await grams(text)), text).toEqual(expected(text));
    }
    expect(await grams(null)).toBeNull();
  });

  it('finds every text that holds the term, and not one that holds its characters apart', async () => {
    expect(await found('CTSP-115-00001 辦公室網路斷線', '網路')).toBe(true);
    expect(await found('CTSP-115-00001 辦公室網路斷線', '網')).toBe(true);
    expect(await found('VPN 連線 A B 測試', 'a b')).toBe(true);
    expect(await found('網站與道路', '網路')).toBe(false);
  });
});
