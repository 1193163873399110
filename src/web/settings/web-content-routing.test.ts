import { describe, expect, it } from 'vitest';
import {
  duplicateRows,
  emptyRoute,
  findRoute,
  hasChanges,
  matchesFilter,
  placeServerErrors,
  toEditable,
  toRoutes,
} from './web-content-routing.js';

const latest = {
  menu: '園區公告',
  item: '最新公告',
  responsibleUnit: '全體組室',
  dataProvider: '',
  note: '',
  selfService: false,
};
const training = {
  menu: '園區公告',
  item: '訓練進修',
  responsibleUnit: '投資組',
  dataProvider: '',
  note: '',
  selfService: true,
};
const shipped = [latest, training];

describe('附件二 being edited', () => {
  it('gives every row its own key and sends the rows back trimmed, without keys', () => {
    const rows = toEditable(shipped);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(new Set([...rows, emptyRoute()].map((r) => r.key)).size).toBe(3);
    expect(toRoutes(rows)).toEqual(shipped);
    const edited = rows.map((r, i) => (i === 1 ? { ...r, note: '  由投資組自行維護 ' } : r));
    expect(toRoutes(edited)[1]?.note).toBe('由投資組自行維護');
    expect(hasChanges(rows, shipped)).toBe(false);
    expect(hasChanges(edited, shipped)).toBe(true);
    expect(hasChanges([...rows].reverse(), shipped)).toBe(true);
  });

  it('names a repeated menu and item with the earlier row, ignoring rows not yet filled in', () => {
    const rows = [...toEditable(shipped), emptyRoute(), { ...emptyRoute(), menu: ' 園區公告', item: '最新公告 ' }];
    const duplicates = duplicateRows(rows);
    expect([...duplicates.entries()]).toEqual([[rows[3]?.key, 1]]);
  });

  it("puts the server's messages on the cells of the rows that were sent", () => {
    const sent = toEditable(shipped);
    const errors = placeServerErrors(
      {
        'rows.1.responsibleUnit': '必填',
        'rows.1.menu': '不得超過 50 個字',
        rows: '資料不正確',
        'rows.7.item': '必填',
      },
      sent,
    );
    expect(errors.cells).toEqual({ [sent[1]?.key ?? '']: { responsibleUnit: '必填', menu: '不得超過 50 個字' } });
    expect(errors.others).toEqual(['資料不正確', '必填']);
  });

  it('filters on any text of a row', () => {
    expect(matchesFilter(training, '投資')).toBe(true);
    expect(matchesFilter(training, ' 訓練 ')).toBe(true);
    expect(matchesFilter(latest, '投資')).toBe(false);
    expect(matchesFilter(latest, '')).toBe(true);
  });

  it("finds a request's row by its menu and item", () => {
    expect(findRoute(shipped, ' 園區公告', '訓練進修 ')).toBe(training);
    expect(findRoute(shipped, '園區公告', '園區活動')).toBeUndefined();
  });
});
