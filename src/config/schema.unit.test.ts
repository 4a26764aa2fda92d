import { describe, expect, it } from 'vitest';
import defaultConfig from './municipality.default.json' with { type: 'json' };
import { parseMunicipalityConfig } from './schema.ts';

describe('closingDays in the municipality configuration', () => {
  it('accepts dated ISO days', () => {
    expect(parseMunicipalityConfig({ ...defaultConfig, closingDays: ['2026-12-23', '2027-01-04'] }).closingDays).toEqual(['2026-12-23', '2027-01-04']);
  });

  it.each(['23-12-2026', '2026-12-23T00:00', '2026-02-30', '2026-13-01', ''])('refuses %j and names the field', (day) => {
    expect(() => parseMunicipalityConfig({ ...defaultConfig, closingDays: [day] })).toThrow(/closingDays\.0: closing day must be/);
  });

  it('is required, so that a file cannot silently drop them', () => {
    const { closingDays: _dropped, ...rest } = defaultConfig;
    expect(() => parseMunicipalityConfig(rest)).toThrow(/closingDays/);
  });
});
