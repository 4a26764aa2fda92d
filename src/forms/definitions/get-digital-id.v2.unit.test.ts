import { describe, expect, it } from 'vitest';
import '../index.ts';
import { validateRequest } from '../registry.ts';
import { examplePayloads } from './fixtures/examples.ts';
import { authenticatorValues, receiptValuesV2, witnessValues } from './get-digital-id.v2.checks.ts';

const example = examplePayloads['get-digital-id']!;
const errorsOf = (data: Record<string, unknown>) => {
  const result = validateRequest('get-digital-id', 2, data);
  return result.ok ? [] : result.errors.map((e) => e.path);
};

describe('get a digital ID, version 2 (MitID rules)', () => {
  it('accepts a MitID request with a passport without CPR number and a health card', () => {
    expect(errorsOf(example)).toEqual([]);
  });

  it('refuses MitID to a citizen who cannot use it without help', () => {
    expect(errorsOf({ ...example, canUseAlone: false })).toEqual(['canUseAlone']);
  });

  it("refuses papers MitID's list does not accept, and takes a passport with the CPR number alone", () => {
    expect(errorsOf({ ...example, mitIdDocuments: ['danish-passport-without-cpr'] })).toEqual(['mitIdDocuments']);
    expect(errorsOf({ ...example, mitIdDocuments: ['health-card'] })).toEqual(['mitIdDocuments']);
    expect(errorsOf({ ...example, mitIdDocuments: ['danish-passport-with-cpr'] })).toEqual([]);
  });

  it('does not post MitID and asks the citizen to prepare a user ID', () => {
    const posted = { ...example, confirmBy: 'post', witnessName: undefined, witnessCpr: undefined, witnessPhotoId: undefined, witnessDeclaration: undefined };
    expect(errorsOf(posted)).toEqual(['confirmBy']);
    expect(errorsOf({ ...example, userIdReady: undefined })).toEqual(['userIdReady']);
  });

  it('accepts a 14-year-old for MitID today', () => {
    // 0101124234: born 1 January 2012.
    expect(errorsOf({ ...example, cpr: '0101124234' })).toEqual([]);
  });

  it('shows the witness rules and the user-ID and chip rules from the rule data', () => {
    expect(witnessValues(new Date('2026-12-04T10:00:00Z'), example)).toEqual({ age: '18', days: '30', times: '3', withinDays: '120', context: 'mitid' });
    expect(authenticatorValues(new Date('2026-12-04T10:00:00Z'), example)).toEqual({
      min: '5', max: '48', chipKroner: '143', chipOre: '60', chipMin: '3', chipMax: '7',
    });
  });

  it('always gives MitID at the counter on the receipt', () => {
    expect(receiptValuesV2(new Date('2026-12-04T10:00:00Z'), example).context).toBe('immediate');
  });
});
