import { describe, expect, it } from 'vitest';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import { parseMunicipalityConfig } from '#config/schema.ts';

describe('municipality configuration', () => {
  it('accepts the shipped default (the Borgercenter of seeds/000)', () => {
    const config = parseMunicipalityConfig(defaultConfig);
    expect(config.municipality.phone).toBe('32 89 01 00');
    expect(config.openingHours.wednesday).toEqual([]);
    expect(config.session.idleSeconds).toBe(90);
  });

  it('names every bad field', () => {
    const bad = structuredClone(defaultConfig) as Record<string, any>;
    bad.municipality.phone = 'call us';
    bad.openingHours.monday = [{ opens: '14:00', closes: '10:00' }];
    bad.session.warningSeconds = 10;
    expect(() => parseMunicipalityConfig(bad)).toThrow(/municipality\.phone[\s\S]*openingHours\.monday\.0[\s\S]*session\.warningSeconds/);
  });

  it('refuses a warning shorter than 20 seconds (WCAG 2.2.1)', () => {
    const bad = structuredClone(defaultConfig);
    bad.session.warningSeconds = 19;
    expect(() => parseMunicipalityConfig(bad)).toThrow(/warningSeconds/);
  });

  it('refuses two services with the same id', () => {
    const bad = structuredClone(defaultConfig);
    bad.services.push({ ...bad.services[0] });
    expect(() => parseMunicipalityConfig(bad)).toThrow(/unique/);
  });
});
