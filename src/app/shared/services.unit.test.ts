import { describe, expect, it } from 'vitest';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import type { MunicipalityConfig } from '#config/schema.ts';
import { enabledServices, findService, leadsToMitId, textContext } from './services.ts';

const config = defaultConfig as unknown as MunicipalityConfig;

describe('services', () => {
  it('lists the NemID-only services where the municipality offers NemID', () => {
    expect(findService(config, 'extra-key-cards')?.id).toBe('extra-key-cards');
  });

  it('leaves out the NemID-only services where config.schemes.nemid is false', () => {
    const mitIdOnly = { ...config, schemes: { nemid: false, mitid: true } };
    const ids = enabledServices(mitIdOnly).map((s) => s.id);
    expect(ids).not.toContain('extra-key-cards');
    expect(ids).not.toContain('lost-key-card');
    expect(ids).toContain('block-digital-id');
  });
});

describe('NemID tiles on the day', () => {
  it('read as NemID and open their forms while NemID could be ordered, and lead to MitID after', () => {
    expect(textContext(new Date('2022-06-01T10:00:00Z'))).toBeUndefined();
    expect(leadsToMitId('lost-key-card', new Date('2022-06-01T10:00:00Z'))).toBe(false);
    expect(textContext(new Date('2023-05-31T10:00:00Z'))).toBe('nemidEnded');
    expect(leadsToMitId('lost-key-card', new Date('2026-12-04T10:00:00Z'))).toBe(true);
    expect(leadsToMitId('extra-key-cards', new Date('2026-12-04T10:00:00Z'))).toBe(true);
    expect(leadsToMitId('get-digital-id', new Date('2026-12-04T10:00:00Z'))).toBe(false);
  });
});
