import { describe, expect, it } from 'vitest';
import { outcomeAmong, type EnvelopeKeys } from './idempotency.ts';

const stored: EnvelopeKeys = { id: 'id-1', reference: 'K7QM-3XRT-9PWA', contentHash: 'hash-1', deviceId: 'kiosk-1' };

describe('duplicate versus conflict', () => {
  it('knows nothing of an envelope whose id and reference are new', () => {
    expect(outcomeAmong([stored], { id: 'id-2', reference: 'AAAA-BBBB-CCCC', contentHash: 'hash-2', deviceId: 'kiosk-1' })).toBeUndefined();
    expect(outcomeAmong([], stored)).toBeUndefined();
  });

  it('answers duplicate for the same id with the same bytes (a resend after a lost acknowledgement)', () => {
    expect(outcomeAmong([stored], { ...stored })).toBe('duplicate');
  });

  it('answers conflict for the same id with other bytes', () => {
    expect(outcomeAmong([stored], { ...stored, contentHash: 'hash-other' })).toBe('conflict');
  });

  it('answers conflict for the same id from another device, even with the same bytes under another reference', () => {
    expect(outcomeAmong([stored], { ...stored, deviceId: 'kiosk-2', reference: 'AAAA-BBBB-CCCC', contentHash: 'hash-other' })).toBe('conflict');
  });

  it('answers conflict for a new id under a reference the same device used already', () => {
    expect(outcomeAmong([stored], { ...stored, id: 'id-2' })).toBe('conflict');
  });

  it("lets another device use a reference without clashing (no squatting on a receipt's reference)", () => {
    expect(outcomeAmong([stored], { ...stored, id: 'id-2', deviceId: 'kiosk-2' })).toBeUndefined();
  });

  it('decides by the envelope with the same id when the reference matches another of the same device', () => {
    const other: EnvelopeKeys = { id: 'id-3', reference: 'AAAA-BBBB-CCCC', contentHash: 'hash-3', deviceId: 'kiosk-1' };
    expect(outcomeAmong([stored, other], { ...stored, reference: other.reference })).toBe('duplicate');
    expect(outcomeAmong([stored, other], { ...stored, reference: other.reference, contentHash: 'x' })).toBe('conflict');
  });

  it('ignores stored envelopes unrelated to the probe', () => {
    const unrelated: EnvelopeKeys = { id: 'id-9', reference: 'ZZZZ-ZZZZ-ZZZZ', contentHash: 'hash-1', deviceId: 'kiosk-1' };
    expect(outcomeAmong([unrelated, stored], stored)).toBe('duplicate');
  });
});
