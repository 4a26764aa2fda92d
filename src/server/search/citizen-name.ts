/** The citizen's name as typed (the form's `name` field), for the inbox row; undefined when the form has none. */
export function citizenNameOf(payload: { data: Record<string, unknown> }): string | undefined {
  const name = payload.data.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

/**
 * The most rows whose names the list decrypts: the inbox's page. A larger page (an integration
 * reading everything) gets no names, so a list call never opens more than a page of payloads.
 */
export const NAMED_PAGE_MAX = 100;
