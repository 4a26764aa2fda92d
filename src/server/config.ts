import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMunicipalityConfig, type MunicipalityConfig } from '#config/schema.ts';

// From the repository root, so that the same path holds for src/server/config.ts under tsx and for
// the built build/server/main.js (both two levels below the root).
export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../src/config/municipality.default.json', import.meta.url));

/**
 * Reads and validates the municipality configuration at start-up: a kiosk must not come up with a
 * wrong phone number or opening hour, so a bad file stops the server with every bad field named.
 */
export function loadMunicipalityConfig(path: string): MunicipalityConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the municipality configuration ${path} (KIOSK_CONFIG): ${(cause as Error).message}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`The municipality configuration ${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  try {
    return parseMunicipalityConfig(json);
  } catch (cause) {
    throw new Error(`${path}: ${(cause as Error).message}`, { cause });
  }
}
