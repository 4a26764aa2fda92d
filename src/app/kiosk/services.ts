import type { MunicipalityConfig, ServiceEntry } from '../../config/schema.ts';
import { schemeOnlyForms } from '../../forms/catalog.ts';

/**
 * The services the municipality has turned on, in its configured order, without those for a
 * scheme it does not offer (a NemID-only service where config.schemes.nemid is false).
 */
export function enabledServices(config: MunicipalityConfig): ServiceEntry[] {
  return config.services.filter((s) => s.enabled && (!(s.id in schemeOnlyForms) || config.schemes[schemeOnlyForms[s.id]!]));
}

export function findService(config: MunicipalityConfig, id: string): ServiceEntry | undefined {
  return enabledServices(config).find((s) => s.id === id);
}
