import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditContentParts, auditContentPartsFilling, auditHash, canonicalJson } from '../../src/domain/audit-chain.js';

const text = fc.string({ unit: 'binary' });
const record = fc.record({
  id: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  at: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
  actorId: fc.option(fc.uuid()),
  action: text,
  objectType: fc.option(text),
  objectId: fc.option(text),
  ip: fc.option(text),
  data: fc.dictionary(text, fc.jsonValue()),
});

describe('the audit chain content (SEC-3)', () => {
  it('puts the instant and the id between the parts the database joins', () => {
    fc.assert(
      fc.property(record, (r) => {
        const { head, middle, tail } = auditContentParts(r);
        const whole = canonicalJson({ ...r, at: r.at.toISOString() });
        expect(`${head}${r.at.toISOString()}${middle}${r.id}${tail}`).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("splits the middle around a data value the database fills in (a filing's number)", () => {
    fc.assert(
      fc.property(record, text, text, (r, key, value) => {
        fc.pre(!(key in r.data) && !JSON.stringify(r.data).includes('\\u0000') && !key.includes('\u0000'));
        const { head, middleBefore, middleAfter, tail } = auditContentPartsFilling(r, key);
        const whole = canonicalJson({ ...r, at: r.at.toISOString(), data: { ...r.data, [key]: value } });
        expect(`${head}${r.at.toISOString()}${middleBefore}${JSON.stringify(value)}${middleAfter}${r.id}${tail}`).toBe(
          whole,
        );
      }),
      { numRuns: 300 },
    );
    expect(() => auditContentPartsFilling({ ...aRecord(), data: { number: 'x' } }, 'number')).toThrow();
  });

  it('hashes the previous hash, a newline and the content', () => {
    const r = {
      id: 7,
      at: new Date('2026-11-24T01:02:03.004Z'),
      actorId: null,
      action: '申請',
      objectType: null,
      objectId: null,
      ip: null,
      data: {},
    };
    // sha256 of "\n" + the content, computed outside Node once (`printf '\\n…' | sha256sum`).
    const content =
      '{"action":"申請","actorId":null,"at":"2026-11-24T01:02:03.004Z","data":{},"id":7,"ip":null,"objectId":null,"objectType":null}';
    expect(canonicalJson({ ...r, at: r.at.toISOString() })).toBe(content);
    expect(auditHash(null, r)).toBe('2300988494428ae5d6fcc4a1b8ec878f80613449bc4a743731d40b96eb9ede65');
  });
});

function aRecord() {
  return { actorId: null, action: 'request.created', objectType: 'request', objectId: null, ip: null, data: {} };
}
