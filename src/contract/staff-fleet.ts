import * as v from 'valibot';
import { deviceReportSchema } from './device-report.ts';
import { displayName } from './plain-text.ts';
import { deviceKinds } from './staff-base.ts';

/** Devices and enrolment codes, as admins manage them: bodies the server validates and the answers. */

const kind = v.picklist(deviceKinds);

/** A week at most: a code is a credential, meant for one round of setting up kiosks. */
export const MAX_ENROLMENT_CODE_HOURS = 168;
/** A round of setting up devices is a few dozen at most; a larger number is a typing error. */
export const MAX_ENROLMENT_CODE_USES = 500;

export const deviceAnswerSchema = v.object({
  id: v.string(),
  name: v.string(),
  kind,
  createdAt: v.string(),
  revokedAt: v.nullable(v.string()),
});
export type DeviceAnswer = v.InferOutput<typeof deviceAnswerSchema>;

/** The fleet view: a device with its last report and what needs attention, most trouble first. */
export const deviceHealthSchema = v.object({
  ...deviceAnswerSchema.entries,
  tokenExpiresAt: v.optional(v.nullable(v.string())),
  lastSeenAt: v.nullable(v.string()),
  /** Counts and sizes only, as the sync sends them after each run. */
  report: v.nullable(deviceReportSchema),
  oldestQueuedAt: v.nullable(v.string()),
  flags: v.array(v.string()),
  state: v.string(),
});
export type DeviceHealth = v.InferOutput<typeof deviceHealthSchema>;

/** GET /devices (admins). */
export const deviceFleetSchema = v.object({
  devices: v.array(deviceHealthSchema),
  thresholds: v.object({ notSeenMinutes: v.number(), oldWorkMinutes: v.number() }),
});
export type DeviceFleetAnswer = v.InferOutput<typeof deviceFleetSchema>;

/** GET /device-names: what every staff member may know of a device, enough to filter the inbox by it. */
export const deviceNameSchema = v.object({ id: v.string(), name: v.string(), kind, revoked: v.boolean() });
export type DeviceName = v.InferOutput<typeof deviceNameSchema>;
export const deviceNamesSchema = v.object({ devices: v.array(deviceNameSchema) });

/** POST /devices/revoke-all: every device of one kind stops working at once (a lost batch, a breach). */
export const revokeAllDevicesSchema = v.object({ kind });
export type RevokeAllDevicesRequest = v.InferOutput<typeof revokeAllDevicesSchema>;
export const revokeAllDevicesAnswerSchema = v.object({
  kind,
  /** How many devices were active and are revoked now. */
  revoked: v.number(),
});
export type RevokeAllDevicesAnswer = v.InferOutput<typeof revokeAllDevicesAnswerSchema>;

/** POST /enrolment-codes. */
export const enrolmentCodeBodySchema = v.object({
  expiresInHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ENROLMENT_CODE_HOURS)),
  // Shown to admins in the list: printable text only, like a device's name.
  label: v.optional(displayName('label', 80, { optional: true })),
  kind: v.optional(v.nullable(kind)),
  maxUses: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ENROLMENT_CODE_USES)))),
});
export type EnrolmentCodeRequest = v.InferInput<typeof enrolmentCodeBodySchema>;

export const enrolmentCodeSchema = v.object({
  id: v.string(),
  label: v.string(),
  kind: v.nullable(kind),
  createdAt: v.string(),
  createdBy: v.string(),
  expiresAt: v.string(),
  maxUses: v.nullable(v.number()),
  uses: v.number(),
  revokedAt: v.nullable(v.string()),
  revokedBy: v.nullable(v.string()),
});
export type EnrolmentCodeAnswer = v.InferOutput<typeof enrolmentCodeSchema>;
export const enrolmentCodesSchema = v.object({ codes: v.array(enrolmentCodeSchema) });

/** A new code, shown once: the server keeps only its hash. */
export const enrolmentCodeCreatedSchema = v.object({ id: v.string(), code: v.string(), expiresAt: v.string() });
export type EnrolmentCodeCreated = v.InferOutput<typeof enrolmentCodeCreatedSchema>;
