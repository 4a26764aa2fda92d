import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import defaults from './municipality.default.json' with { type: 'json' };
import { municipalityConfigSchema } from './schema.ts';

describe('the accessibility statement address', () => {
  it('is optional: without it the kiosk shows only its own statement', () => {
    expect(v.safeParse(municipalityConfigSchema, defaults).success).toBe(true);
  });
  it('accepts the municipality\'s published statement over https', () => {
    const config = { ...defaults, accessibilityStatementUrl: 'https://www.was.digst.dk/borgercenter-kiosk' };
    expect(v.parse(municipalityConfigSchema, config).accessibilityStatementUrl).toBe('https://www.was.digst.dk/borgercenter-kiosk');
  });
  it('refuses an address that is not a URL or not https', () => {
    for (const url of ['was.digst.dk', 'http://example.dk/erklaering', 'javascript:alert(1)']) {
      expect(v.safeParse(municipalityConfigSchema, { ...defaults, accessibilityStatementUrl: url }).success, url).toBe(false);
    }
  });
});
