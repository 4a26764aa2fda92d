import type { MunicipalityConfig } from '#config/schema.ts';

/**
 * The municipality configuration, served by the sync server at /config.json (validated there at
 * start-up) and kept by the service worker for offline starts.
 */
export async function loadConfig(): Promise<MunicipalityConfig> {
  const response = await fetch('/config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config: GET /config.json answered ${response.status}`);
  return (await response.json()) as MunicipalityConfig;
}
