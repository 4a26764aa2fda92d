import type { MunicipalityConfig, ServiceEntry } from '../../config/schema.ts';

/** The services the municipality has turned on, in its configured order. */
export function enabledServices(config: MunicipalityConfig): ServiceEntry[] {
  return config.services.filter((s) => s.enabled);
}

export function findService(config: MunicipalityConfig, id: string): ServiceEntry | undefined {
  return enabledServices(config).find((s) => s.id === id);
}
