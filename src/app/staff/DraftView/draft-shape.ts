/**
 * A rescued draft (`staff-draft`): an unfinished home visit that a tablet sent when its PIN was
 * entered wrongly too often. Its data is `{ formId, formVersion, stepIndex, savedAt, staffUsername,
 * answers }` as the tablet made it; every field is checked here, and whatever does not fit is kept
 * in `other` so that the caseworker still sees it. Never throws, whatever the shape.
 */
export interface RescuedDraft {
  formId?: string;
  formVersion?: number;
  /** 1-based, as a caseworker counts steps. */
  step?: number;
  savedAt?: string;
  staffUsername?: string;
  answers: unknown;
  /** Fields the draft carries beyond the known ones, or known ones of an unexpected type. */
  other: Record<string, unknown>;
}

export const STAFF_DRAFT_TYPE = 'staff-draft';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const wholeNumber = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
const oneBased = (index: number | undefined) => (index === undefined ? undefined : index + 1);
const isoTime = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined);

export function rescuedDraft(data: unknown): RescuedDraft {
  if (!isRecord(data)) return { answers: undefined, other: data === undefined || data === null ? {} : { data } };
  const { formId, formVersion, stepIndex, savedAt, staffUsername, answers, ...rest } = data;
  const draft: RescuedDraft = { answers, other: { ...rest } };
  const known: [keyof RescuedDraft, string, unknown, unknown][] = [
    ['formId', 'formId', formId, text(formId)],
    ['formVersion', 'formVersion', formVersion, wholeNumber(formVersion)],
    ['step', 'stepIndex', stepIndex, oneBased(wholeNumber(stepIndex))],
    ['savedAt', 'savedAt', savedAt, isoTime(savedAt)],
    ['staffUsername', 'staffUsername', staffUsername, text(staffUsername)],
  ];
  for (const [field, key, raw, parsed] of known) {
    if (parsed !== undefined) (draft as unknown as Record<string, unknown>)[field] = parsed;
    else if (raw !== undefined && raw !== null && raw !== '') draft.other[key] = raw;
  }
  return draft;
}

/** The assisted line of a submission's detail: who filled it in for the citizen, if staff did. */
export function assistedBy(payload: { assisted?: unknown; assistedBy?: unknown } | undefined): { assisted: boolean; by?: string } {
  if (!payload || payload.assisted !== true) return { assisted: false };
  const by = typeof payload.assistedBy === 'string' && payload.assistedBy.trim() ? payload.assistedBy.trim() : undefined;
  return by ? { assisted: true, by } : { assisted: true };
}
