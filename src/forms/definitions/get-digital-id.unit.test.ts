import { readFileSync } from 'node:fs';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import type { MunicipalityConfig } from '#config/schema.ts';
import { describe, expect, it } from 'vitest';
import '../index.ts';
import { validateRequest } from '../registry.ts';
import { ageCheck, receiptValues, routeOf } from './get-digital-id.checks.ts';

// Version 1 (the seeds' NemID): its own example, since the current example is a version 2 MitID request.
const example: Record<string, unknown> = {
  scheme: 'nemid',
  name: 'Karen Hansen',
  cpr: '0101901234',
  hasFixedAddress: true,
  documents: ['driving-licence'],
  confirmBy: 'witness',
  witnessName: 'Ole Hansen',
  witnessCpr: '0202602345',
  witnessPhotoId: true,
  witnessDeclaration: true,
  keyCard: 'large-print',
};
const type = 'get-digital-id';
const errorsOf = (data: Record<string, unknown>) => {
  const result = validateRequest(type, 1, data);
  return result.ok ? [] : result.errors;
};

describe('get a digital ID', () => {
  it('refuses a citizen under the age limit and says from which day they qualify', () => {
    // CPR 0101124234: born 1 January 2012; MitID from 13, NemID from 15 (src/domain/rules/age-limits.ts).
    const child = { ...example, cpr: '0101124234', scheme: 'nemid' };
    expect(errorsOf(child).map((e) => e.path)).toEqual(['cpr']);
    expect(errorsOf({ ...child, scheme: 'mitid', keyCard: undefined, authenticators: ['app'] })).toEqual([]);
  });

  it('accepts the citizen on the day they turn the age, and names that day the day before', () => {
    const child = { ...example, cpr: '0101124234' };
    expect(ageCheck(child, new Date('2026-12-31T12:00:00Z'))).toEqual([
      { path: 'cpr', code: 'notEligible', values: { minimumAge: '15', date: '2027-01-01' } },
    ]);
    expect(ageCheck(child, new Date('2027-01-01T12:00:00Z'))).toEqual([]);
    expect(routeOf(child, new Date('2027-01-01T12:00:00Z'))).toBe('immediate');
  });

  it('refuses documents that do not prove identity and CPR number', () => {
    expect(errorsOf({ ...example, documents: ['passport'] }).map((e) => e.path)).toEqual(['documents']);
    expect(errorsOf({ ...example, documents: ['health-card'] }).map((e) => e.path)).toEqual(['documents']);
    expect(errorsOf({ ...example, documents: ['passport', 'health-card'] })).toEqual([]);
  });

  it('does not post MitID: without control questions it needs a witness', () => {
    const mitid = { ...example, scheme: 'mitid', keyCard: undefined, authenticators: ['audio-code-reader'] };
    const posted = { ...mitid, confirmBy: 'post', witnessName: undefined, witnessCpr: undefined, witnessPhotoId: undefined, witnessDeclaration: undefined };
    expect(errorsOf(posted).map((e) => e.path)).toEqual(['confirmBy']);
    expect(errorsOf(mitid)).toEqual([]);
  });

  it('refuses a witness under the age limit', () => {
    // 0101104234: born 1 January 2010, 16 on the day of the test suite's dates.
    expect(errorsOf({ ...example, witnessCpr: '0101104234' }).map((e) => e.path)).toEqual(['witnessCpr']);
  });

  it('posts NemID within the business-day window of the rule data, skipping Christmas', () => {
    const data = { ...example, confirmBy: 'post' };
    // Monday 21 December 2026: 3 business days skip 24-27 December; 11 skip 31 December to 3 January too.
    expect(receiptValues(new Date('2026-12-21T10:00:00Z'), data)).toEqual({ context: 'posted', earliest: '2026-12-28', latest: '2027-01-11' });
    expect(receiptValues(new Date('2026-12-21T10:00:00Z'), example).context).toBe('immediate');
  });

  it("also skips the municipality's own closing days in the window", () => {
    const data = { ...example, confirmBy: 'post' };
    const config = { ...defaultConfig, closingDays: ['2026-12-22', '2027-01-04'] } as MunicipalityConfig;
    expect(receiptValues(new Date('2026-12-21T10:00:00Z'), data, config)).toEqual({ context: 'posted', earliest: '2026-12-29', latest: '2027-01-13' });
  });
});

describe('get a digital ID: texts', () => {
  const locale = (lang: string) =>
    JSON.parse(readFileSync(new URL(`../../../locales/${lang}/form-get-digital-id.json`, import.meta.url), 'utf8')) as {
      receipt: Record<string, string>;
      fields: { documents: Record<string, string> };
    };

  it.each(['da', 'en'])('has every variant the checks and the receipt pick by context, in %s', (lang) => {
    const texts = locale(lang);
    for (const route of ['immediate', 'posted']) expect(texts.receipt[`next_${route}`]).toBeTruthy();
    for (const assessment of ['insufficient', 'missing-cpr']) expect(texts.fields.documents[`notEnough_${assessment}`]).toBeTruthy();
    expect(texts.receipt.next_posted).toContain('{{earliest}}');
    expect(texts.receipt.next_posted).toContain('{{latest}}');
  });
});
