import { describe, expect, it } from 'vitest';
import '../index.ts';
import { validateRequest } from '../registry.ts';
import { formIds, staffOnlyFormIds } from '../catalog.ts';
import { validatePayload, validateStep } from '../engine/validate.ts';
import { examplePayloads } from './fixtures/examples.ts';
import { LETTER_SERIAL_PATTERN, homeVisitV1 } from './home-visit.v1.ts';
import { witnessMinimumAge } from '#domain/rules/witness.ts';
import { documentRequirements } from '#domain/rules/documents.ts';

const base = examplePayloads['home-visit']!;
const today = new Date('2026-11-23T10:00:00Z');
const validate = (data: Record<string, unknown>, on = today) => validatePayload(homeVisitV1, data, on);
const witnessStep = homeVisitV1.steps.findIndex((s) => s.id === 'witness');

describe('home-visit v1', () => {
  it('accepts the complete example, through the registry the server uses', () => {
    expect(validate(base)).toEqual([]);
    expect(validateRequest('home-visit', 1, base)).toEqual({ ok: true, data: base });
  });

  it('is a staff-only form, never on the kiosk’s start screen', () => {
    expect(staffOnlyFormIds).toContain('home-visit');
    expect(formIds).not.toContain('home-visit');
  });

  it('refuses a witness who is 17 on the visit date, and accepts them from their 18th birthday', () => {
    expect(witnessMinimumAge.at(-1)!.value).toBe(18);
    // Born 24 November 2008: 17 on 23 November 2026, 18 the next day.
    const witness = { ...base, witnessCpr: '2411084234' };
    expect(validate({ ...witness, visitDate: '2026-11-23' })).toEqual([
      { path: 'witnessCpr', code: 'notEligible', values: { minimumAge: '18' } },
    ]);
    expect(validateStep(homeVisitV1, witnessStep, { ...witness, visitDate: '2026-11-23' }, today)).toHaveLength(1);
    expect(validate({ ...witness, visitDate: '2026-11-24' }, new Date('2026-11-24T10:00:00Z'))).toEqual([]);
  });

  it('counts the witness’s age on the visit day, not on the day the office reads it', () => {
    const witness = { ...base, witnessCpr: '2411084234', visitDate: '2026-11-23' };
    // A month later the witness is 18, but was 17 at the visit.
    expect(validate(witness, new Date('2026-12-23T10:00:00Z')).map((e) => e.path)).toEqual(['witnessCpr']);
  });

  it('refuses a citizen under the scheme’s age on the visit day', () => {
    const young = { ...base, cpr: '0101144234' }; // born 2014: 12 years old in 2026
    expect(validate(young)).toEqual([{ path: 'cpr', code: 'notEligible', values: { minimumAge: '15', date: '2029-01-01' } }]);
  });

  it('refuses a visit date after today', () => {
    expect(validate({ ...base, visitDate: '2026-11-24' })).toEqual([{ path: 'visitDate', code: 'notEligible' }]);
  });

  it('needs two documents other than passport and licence, one showing the CPR number (rule data)', () => {
    expect(documentRequirements.at(-1)!.value).toEqual({ secondaryDocumentsNeeded: 2, cprMustBeShown: true });
    const options = homeVisitV1.steps.find((s) => s.id === 'documents')!.fields[0]!.options!.map((o) => o.value);
    expect(options).not.toContain('passport');
    expect(options).not.toContain('driving-licence');
    expect(validate({ ...base, documents: ['health-card'] })).toEqual([
      { path: 'documents', code: 'notEligible', values: { count: '2', context: 'insufficient' } },
    ]);
    expect(validate({ ...base, documents: ['baptism-or-name-certificate', 'public-benefit-payment'] })).toEqual([
      { path: 'documents', code: 'notEligible', values: { count: '2', context: 'missing-cpr' } },
    ]);
    expect(validate({ ...base, documents: ['passport', 'health-card'] }).map((e) => e.code)).toEqual(['notAnOption']);
  });

  it('needs the witness’s photo ID, declaration and signature', () => {
    for (const name of ['witnessPhotoId', 'witnessDeclaration', 'witnessSignature', 'witnessName', 'witnessCpr']) {
      const { [name]: _dropped, ...rest } = base;
      expect(validate(rest), name).toEqual([{ path: name, code: 'required' }]);
    }
    expect(validate({ ...base, witnessPhotoId: false })).toEqual([{ path: 'witnessPhotoId', code: 'required' }]);
  });

  it('asks for the hand-over declaration in the wording of the scheme, and the MitID witness rules for MitID', () => {
    const { nemidRulesHandedOver: _n, ...mitidBase } = base;
    const mitid = { ...mitidBase, scheme: 'mitid' };
    expect(validate(mitid).map((e) => e.path).sort()).toEqual(['mitidRulesHandedOver', 'witnessMitIdRules']);
    expect(validate({ ...mitid, mitidRulesHandedOver: true, witnessMitIdRules: true })).toEqual([]);
    expect(validate({ ...mitid, mitidRulesHandedOver: true, witnessMitIdRules: true, nemidRulesHandedOver: true })).toEqual([
      { path: 'nemidRulesHandedOver', code: 'notAllowed' },
    ]);
  });

  it.each(['NK-482916', '123456', 'AB 12 CD 34', 'A1B2C3D4E5F6G7H8I9J0'])('accepts the letter serial %s', (serial) => {
    expect(LETTER_SERIAL_PATTERN.test(serial)).toBe(true);
    expect(validate({ ...base, letterSerial: serial })).toEqual([]);
  });

  it.each(['12345', 'ABCDEF', 'NK--482916', 'NK_482916', 'Karen Hansen', '1'.repeat(21)])('refuses the letter serial %j', (serial) => {
    expect(validate({ ...base, letterSerial: serial }).map((e) => [e.path, e.code])).toEqual([['letterSerial', 'format']]);
  });
});
