import { describe, expect, it } from 'vitest';
import { hostileInputErrors } from './hostile-input.ts';

describe('hostileInputErrors', () => {
  it('finds a lone surrogate anywhere in a string, as a value or a key, and passes a pair', () => {
    const long = 'A'.repeat(4000);
    expect(hostileInputErrors({ a: `${long}\uD800`, b: ['ok', `\uDC00${long}`], c: 'x\uD83D\uDE00y' })).toEqual([
      { path: 'a', code: 'format' },
      { path: 'b.1', code: 'format' },
    ]);
    expect(hostileInputErrors({ 'k\uDBFF': 1 })).toEqual([{ path: '(key)', code: 'notAllowed' }]);
    expect(hostileInputErrors('\uDC00\uD800')).toEqual([{ path: '(data)', code: 'format' }]);
    expect(hostileInputErrors({ emoji: '\uD83D\uDE00', danish: 'æøå „citat“' })).toEqual([]);
  });

  it('refuses the object machinery as keys', () => {
    expect(hostileInputErrors(JSON.parse('{"data":{"__proto__":{"x":1},"constructor":2}}'))).toEqual([
      { path: 'data.__proto__', code: 'notAllowed' },
      { path: 'data.constructor', code: 'notAllowed' },
    ]);
  });
});
