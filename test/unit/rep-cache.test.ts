/**
 * The cache keeps a file's result only if it comes back from JSON exactly as
 * it was (validate/rep-cache.ts): checked in one pass, it must say what
 * writing it and reading it back would say.
 */
import { describe, expect, it } from 'vitest';
import { comesBackFromJson, emptyRepCache, recordRep, reuseRep } from '../../src/validate/rep-cache.js';
import type { RepYear } from '../../src/model/schema.js';

/** The reference: the value written as JSON, read back, and compared with it (keys in order, −0 told from 0). */
function roundTrips(value: unknown): boolean {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A bigint cannot be written at all.
    return false;
  }
  if (json === undefined) return false;
  const same = (a: unknown, b: unknown): boolean => {
    if (typeof a === 'number') return Object.is(a, b);
    if (a === null || typeof a !== 'object') return a === b;
    if (b === null || typeof b !== 'object') return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
      return true;
    }
    if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every((k, i) => k === keysB[i] && same(Reflect.get(a, k), Reflect.get(b, k)))
    );
  };
  return same(value, JSON.parse(json));
}

const values: Array<[string, unknown]> = [
  [
    'a plain record',
    { id: 'alice', scores: { discovery: 3, closing: 4.5 }, notes: ['Bien', ''], ok: true, none: null },
  ],
  ['numbers', [0, 1, -1, 2.75, 1e21, Number.MAX_SAFE_INTEGER]],
  ['−0', { score: -0 }],
  ['NaN', [Number.NaN]],
  ['Infinity', { x: Number.POSITIVE_INFINITY }],
  ['undefined in an object', { hint: undefined }],
  ['undefined in an array', [1, undefined]],
  ['a hole in an array', [1, , 3]],
  ['a date', { at: new Date(0) }],
  ['a map', new Map([['a', 1]])],
  ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
  [
    'a class instance',
    new (class Point {
      x = 1;
    })(),
  ],
  ['a function', { f: () => 1 }],
  ['a toJSON method', { toJSON: () => 'x' }],
  ['a bigint', { n: 1n }],
  ['a symbol', [Symbol('s')]],
  ['a __proto__ key as data', JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as unknown],
  ['nested deep', { a: [{ b: [{ c: 'd' }] }] }],
  ['a string', 'text « with » characters\u2028'],
];

describe('comesBackFromJson', () => {
  it.each(values)('says what a round trip through JSON says: %s', (_, value) => {
    expect(comesBackFromJson(value)).toBe(roundTrips(value));
  });

  it('has the cache keep a result that comes back, and not one that would not', () => {
    const cache = emptyRepCache();
    const data = { rep: 'alice', assessments: [{ date: '2026-03-01', scores: { closing: 3 } }] } as unknown as RepYear;
    recordRep(cache, 'kept', { data, warnings: [], asOf: '2026-12-31' });
    const minusZero = { ...data, assessments: [{ date: '2026-03-01', scores: { closing: -0 } }] } as unknown as RepYear;
    recordRep(cache, 'not kept', { data: minusZero, warnings: [], asOf: '2026-12-31' });
    expect([...cache.next.keys()]).toEqual(['kept']);
    expect(JSON.parse(cache.next.get('kept')?.json ?? '')).toEqual({ data, warnings: [], asOf: '2026-12-31' });
  });
});

describe('reuseRep', () => {
  it('does not reuse a year without a session across the day that year begins (its warning says whether it has)', () => {
    const recorded = emptyRepCache();
    const data = { name: 'Ann Lee', role: 'junior', assessments: [] } as unknown as RepYear;
    recordRep(recorded, 'k', { data, warnings: [], asOf: '2026-12-02' });
    const cache = () => emptyRepCache(recorded.next);
    expect(reuseRep(cache(), 'k', '2026-12-20', 2027)?.data).toEqual(data);
    expect(reuseRep(cache(), 'k', '2027-01-05', 2027)).toBeUndefined();
    // The same date, or another year's file: as before.
    expect(reuseRep(cache(), 'k', '2026-12-02', 2027)?.data).toEqual(data);
    expect(reuseRep(cache(), 'k', '2027-01-05', 2026)?.data).toEqual(data);
  });
});
