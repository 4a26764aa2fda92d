import { describe, expect, it } from 'vitest';
import { answerShape, keyLabel } from './answer-shape.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('answerShape', () => {
  it('shows a PNG data URL as an image, and any other data URL as text that is never loaded', () => {
    expect(answerShape(PNG)).toEqual({ kind: 'image', src: PNG });
    expect(answerShape('data:image/svg+xml;base64,PHN2Zz4=')).toEqual({ kind: 'text', text: 'data:image/svg+xml;base64,PHN2Zz4=' });
    expect(answerShape('data:image/png;base64,abc"onerror="x')).toMatchObject({ kind: 'text' });
  });

  it('shows JPEG and WebP data URLs (a tablet\'s signature) as images too, never SVG', () => {
    expect(answerShape('data:image/jpeg;base64,/9j/4AAQ')).toEqual({ kind: 'image', src: 'data:image/jpeg;base64,/9j/4AAQ' });
    expect(answerShape('data:image/webp;base64,UklGRg==')).toEqual({ kind: 'image', src: 'data:image/webp;base64,UklGRg==' });
    expect(answerShape('data:image/svg+xml;utf8,<svg onload=alert(1)>')).toMatchObject({ kind: 'text' });
  });

  it('shows a rescued draft\'s deeply nested answers with signatures as fields, lists and images', () => {
    const answers = { person: { name: 'Ida', ids: [{ kind: 'passport', signature: PNG }] }, witness: { signature: { image: PNG } } };
    expect(answerShape(answers)).toMatchObject({ kind: 'fields' });
    expect(answerShape(answers.person.ids)).toMatchObject({ kind: 'list' });
    expect(answerShape(answers.witness.signature.image)).toEqual({ kind: 'image', src: PNG });
  });

  it('never throws on odd JSON: numbers, mixed arrays, nulls inside', () => {
    for (const value of [1e308, -0, [null, [], {}], [[1, 2], [3]], { a: null, b: [null] }, [{ a: { b: 1 } }]]) {
      expect(() => answerShape(value)).not.toThrow();
    }
    expect(answerShape([{ a: { b: 1 } }])).toMatchObject({ kind: 'list' });
  });

  it('shows rows of flat records as a table with every column that occurs', () => {
    expect(answerShape([{ name: 'A', age: 3 }, { name: 'B', cpr: '0101' }])).toEqual({
      kind: 'table',
      columns: ['name', 'age', 'cpr'],
      rows: [{ name: 'A', age: 3 }, { name: 'B', cpr: '0101' }],
    });
  });

  it('shows nested records and mixed arrays as fields and lists', () => {
    expect(answerShape({ address: { street: 'Vej 1' } })).toEqual({ kind: 'fields', entries: [['address', { street: 'Vej 1' }]] });
    expect(answerShape(['a', { b: [1] }])).toEqual({ kind: 'list', items: ['a', { b: [1] }] });
    expect(answerShape([{ signature: PNG }])).toMatchObject({ kind: 'list' });
  });

  it('calls null, empty text, empty arrays and empty records empty; keeps 0 and false', () => {
    for (const value of [null, undefined, '', [], {}]) expect(answerShape(value)).toEqual({ kind: 'empty' });
    expect(answerShape(0)).toEqual({ kind: 'text', text: '0' });
    expect(answerShape(false)).toEqual({ kind: 'boolean', value: false });
  });
});

describe('answerShape for dates', () => {
  it('recognises exact times and calendar dates, and leaves anything else as text', () => {
    expect(answerShape('2026-11-23T22:47:06.939Z')).toEqual({ kind: 'dateTime', iso: '2026-11-23T22:47:06.939Z' });
    expect(answerShape('2026-11-23T10:00+01:00')).toEqual({ kind: 'dateTime', iso: '2026-11-23T10:00+01:00' });
    expect(answerShape('1990-01-01')).toEqual({ kind: 'date', iso: '1990-01-01' });
    for (const text of ['2026-13-45', '2026-11-23 10:00', '23-11-2026', '2026-11-23T25:00:00Z', '0101901234']) {
      expect(answerShape(text), text).toMatchObject({ kind: 'text' });
    }
  });
});

describe('keyLabel', () => {
  it('turns camelCase, snake_case and kebab-case keys into a sentence', () => {
    expect(keyLabel('newAddress')).toBe('New address');
    expect(keyLabel('cpr_number')).toBe('Cpr number');
    expect(keyLabel('moved-in')).toBe('Moved in');
  });
});
