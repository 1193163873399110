import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './text-metrics.js';

describe('textWidth', () => {
  it('counts Chinese characters and full-width punctuation as 1 em, others as 0.6 em', () => {
    expect(textWidth('科長簽章', 10)).toBe(40);
    expect(textWidth('（）', 10)).toBe(20);
    expect(textWidth('IT', 10)).toBeCloseTo(12);
  });
});

describe('wrapText', () => {
  it('keeps a short label on one line', () => {
    expect(wrapText('科長簽章', 100, 10)).toEqual(['科長簽章']);
  });

  it('breaks Chinese between characters, never before closing punctuation', () => {
    const lines = wrapText('審查：是否為 IT 服務、是否為合約範圍內需求', 80, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(textWidth(line, 10)).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/^[，。、；：）」]/);
    }
  });

  it('breaks English between words, and inside a word only when it alone is too wide', () => {
    expect(wrapText('Waiting for the requester', 90, 10)).toEqual(['Waiting for the', 'requester']);
    expect(wrapText('Waiting for the requester', 70, 10)).toEqual(['Waiting for', 'the', 'requester']);
    const long = wrapText('Supercalifragilistic', 60, 10);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('')).toBe('Supercalifragilistic');
  });

  it('never loses text', () => {
    const text = '資訊服務需求申請（服務需求單／電話需求／Mail 需求）';
    expect(wrapText(text, 120, 13).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
