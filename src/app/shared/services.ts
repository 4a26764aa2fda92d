import type { MunicipalityConfig, ServiceEntry } from '#config/schema.ts';
import { schemeOnlyForms } from '#forms/catalog.ts';
import { nemIdOrderable } from '#domain/rules/nemid-status.ts';

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

/**
 * The i18n context of the start screen's and the tiles' texts on the day: once NemID can no longer
 * be ordered (rules/nemid-status.ts), the NemID tiles read as their MitID counterparts
 * ("services:lost-key-card.title_nemidEnded"); texts without a variant keep their plain wording.
 */
export function textContext(today: Date): 'nemidEnded' | undefined {
  return nemIdOrderable(today) ? undefined : 'nemidEnded';
}

/** A NemID-only service (a key card) that, on the day, leads to its MitID counterpart instead of a form. */
export function leadsToMitId(id: string, today: Date): boolean {
  return schemeOnlyForms[id] === 'nemid' && !nemIdOrderable(today);
}
