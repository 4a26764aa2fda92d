import type { Store } from '../store/store.ts';

/**
 * What a person types to filter the audit log by case: the reference as printed on the receipt, in
 * any case and with or without hyphens ("k7qm3xrt9pwa"), or an id. Answers the id to filter by; a
 * reference that names no case stays as typed, so the filter finds nothing rather than everything.
 */
export async function auditTarget(store: Store, typed: string): Promise<string> {
  const symbols = typed.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-Z]{12}$/.test(symbols)) return typed.trim();
  const reference = `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
  return (await store.submissionIdByReference(reference)) ?? typed.trim();
}
