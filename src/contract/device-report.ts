import * as v from 'valibot';

/**
 * The device report: an additive extension of wire contract v1. A device sends it with
 * `POST /api/v1/devices/report` (its bearer token) at the end of every sync run, even with nothing
 * queued, so that operations see every kiosk and tablet. Counts, ages and sizes only: never a
 * reference, a request type's data or anything a citizen typed.
 */
export const DEVICE_REPORT_PATH = '/api/v1/devices/report';

/** Why the last sync run failed, in coarse categories (never a server message, which could grow). */
export const deviceErrorCategories = ['none', 'network', 'server', 'unauthorized', 'storage', 'other'] as const;
export type DeviceErrorCategory = (typeof deviceErrorCategories)[number];

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const bytes = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 53 - 1)));

export const deviceReportSchema = v.strictObject({
  /** The app's version (package.json), to see which devices still run an old build. */
  appVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(40), v.regex(/^[\w.+-]+$/, 'letters, digits, . + - _ only')),
  /** Items waiting to be sent (queued or sending). */
  queued: count,
  /** Seconds since the oldest waiting item was created; null when nothing waits. An age, not a time, so a wrong device clock does not matter. */
  oldestQueuedAgeSeconds: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10 * 365 * 86_400))),
  /** Items the server rejected that staff have not dealt with yet. */
  rejected: count,
  /** navigator.storage.estimate(); null where the browser does not say. */
  storageUsedBytes: bytes,
  storageQuotaBytes: bytes,
  /** navigator.storage.persisted(); null where unknown. */
  persisted: v.nullable(v.boolean()),
  lastError: v.picklist(deviceErrorCategories),
});

export type DeviceReport = v.InferOutput<typeof deviceReportSchema>;
