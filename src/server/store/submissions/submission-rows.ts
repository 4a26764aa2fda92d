import type { Selectable } from 'kysely';
import { caseDueDate } from '#domain/due-date.ts';
import type { Database } from '../schema.ts';
import type { DeviceKind } from '../devices/device-store.ts';
import type { SubmissionStatus, SubmissionSummary } from './submission-types.ts';

/** A submission row joined with its device, as lists and look-ups read it. */
export type SummaryRow = Pick<
  Selectable<Database['submissions']>,
  'id' | 'reference' | 'type' | 'schema_version' | 'status' | 'created_at' | 'received_at' | 'device_id' | 'assisted' | 'assisted_by' | 'assignee' | 'assisted_by_disabled' | 'due_at'
> & {
  device_name: string;
  device_kind: string;
};

export const toSummary = (r: SummaryRow): SubmissionSummary => ({
  id: r.id,
  reference: r.reference,
  type: r.type,
  schemaVersion: r.schema_version,
  status: r.status as SubmissionStatus,
  createdAt: r.created_at,
  receivedAt: r.received_at,
  deviceId: r.device_id,
  deviceName: r.device_name,
  deviceKind: r.device_kind as DeviceKind,
  assisted: r.assisted === null ? null : r.assisted === 1,
  assistedBy: r.assisted_by,
  assignee: r.assignee,
  assistedByDisabled: r.assisted_by_disabled === 1,
  // Stored at arrival (migration 019); a row an older server wrote gets it from the same rule here.
  dueAt: r.due_at ?? caseDueDate(r.type, new Date(r.received_at)),
});

export const summaryColumns = [
  'submissions.id',
  'submissions.reference',
  'submissions.type',
  'submissions.schema_version',
  'submissions.status',
  'submissions.created_at',
  'submissions.received_at',
  'submissions.device_id',
  'submissions.assisted',
  'submissions.assisted_by',
  'submissions.assignee',
  'submissions.assisted_by_disabled',
  'submissions.due_at',
  'devices.name as device_name',
  'devices.kind as device_kind',
] as const;
