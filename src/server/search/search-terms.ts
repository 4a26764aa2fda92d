import { formVersions } from '#forms/definitions/index.ts';
import type { FieldDefinition } from '#forms/engine/types.ts';
import { cprDigits, nameTokens } from './name-tokens.ts';

/** What a submission can be found by, in plain text: held in memory at ingest only, never stored. */
export interface SearchTerms {
  cprs: string[];
  names: string[];
}

type FieldRoles = Map<string, 'cpr' | 'name'>;

/**
 * A name field is a personal free-text field whose name ends in "name" (name, moverName,
 * witnessName, …); the doctor's name is not personal and is not indexed. Groups (the people moving
 * along, household members) are walked too: their rows hold names and CPR numbers of their own.
 */
function rolesOf(fields: readonly FieldDefinition[], roles: FieldRoles): void {
  for (const f of fields) {
    if (f.kind === 'cpr') roles.set(f.name, 'cpr');
    else if (f.kind === 'text' && f.personal && /name$/i.test(f.name)) roles.set(f.name, 'name');
    else if (f.kind === 'group' && f.fields) rolesOf(f.fields, roles);
  }
}

/** type → schemaVersion → field name → role, from every shipped form definition. */
const rolesByForm = new Map<string, FieldRoles>();
for (const versions of formVersions) {
  for (const form of versions) {
    const roles: FieldRoles = new Map();
    for (const step of form.steps) rolesOf(step.fields, roles);
    rolesByForm.set(`${form.type}@${form.schemaVersion}`, roles);
  }
}

function collect(value: unknown, roles: FieldRoles, into: SearchTerms): void {
  if (Array.isArray(value)) {
    for (const row of value) collect(row, roles, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    const role = roles.get(key);
    if (role === 'cpr' && typeof inner === 'string') {
      const digits = cprDigits(inner);
      if (digits) into.cprs.push(digits);
    } else if (role === 'name' && typeof inner === 'string') {
      into.names.push(...nameTokens(inner));
    } else if (typeof inner === 'object') {
      collect(inner, roles, into);
    }
  }
}

/** The CPR numbers and name tokens of a decrypted payload (the citizen's and those of people in groups). */
export function searchTermsOf(payload: { type: string; schemaVersion: number; data: Record<string, unknown> }): SearchTerms {
  const roles = rolesByForm.get(`${payload.type}@${payload.schemaVersion}`);
  const terms: SearchTerms = { cprs: [], names: [] };
  if (roles) collect(payload.data, roles, terms);
  return { cprs: [...new Set(terms.cprs)], names: [...new Set(terms.names)] };
}
