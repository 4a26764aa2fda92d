import { describe, expect, it } from 'vitest';
import defaultConfig from '../../config/municipality.default.json' with { type: 'json' };
import type { MunicipalityConfig } from '../../config/schema.ts';
import { enabledServices, findService } from './services.ts';

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
