import * as v from 'valibot';
import { registerRequestType } from './registry.ts';

/**
 * 'device-test': a request with no citizen data that staff queue from the set-up screen to prove
 * that an enrolled device reaches the server (it goes through the real submit → seal → outbox →
 * sync path, so a receipt in the staff list means the whole chain works). The browser tests use
 * it to make many real submissions quickly.
 */
export const DEVICE_TEST_TYPE = 'device-test';

export const deviceTestV1 = v.strictObject({
  note: v.literal('device-test'),
  sentAt: v.pipe(v.string(), v.isoTimestamp()),
});

export type DeviceTestData = v.InferOutput<typeof deviceTestV1>;

registerRequestType({ type: DEVICE_TEST_TYPE, versions: { 1: deviceTestV1 }, current: 1 });

/** The data of a test request sent at `now`. */
export function deviceTestData(now: Date = new Date()): DeviceTestData {
  return { note: 'device-test', sentAt: now.toISOString() };
}
