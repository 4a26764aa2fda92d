import type { GenericSchema } from 'valibot';
import { submissionBatchSchema } from '../../contract/v1.ts';
import { loginBodySchema, staffUserSchema, submissionDetailSchema, submissionListQuery, submissionListSchema, transitionBodySchema } from '../../contract/staff.ts';

/** One route of the HTTP API as the OpenAPI document lists it. */
export interface RouteDoc {
  method: 'get' | 'post';
  /** Hono's form (`:id`); the document writes `{id}`. */
  path: string;
  summary: string;
  tag: 'devices' | 'staff' | 'operations' | 'meta';
  /** staff: the session cookie; device: the device's bearer token; metrics: METRICS_TOKEN. */
  auth?: 'staff' | 'device' | 'metrics';
  body?: GenericSchema;
  answer?: GenericSchema;
  /** Query parameters by name, with what they mean. */
  query?: Readonly<Record<string, string>>;
  /** Not JSON: the content type of a 200 answer. */
  produces?: string;
}

/** Every route, listed once; a test keeps this equal to the routes the app registers. */
export const routeDocs: readonly RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'Whether the server and its database answer', tag: 'operations' },
  { method: 'get', path: '/api/health/ready', summary: 'Ready for traffic (503 while draining or without database)', tag: 'operations' },
  { method: 'get', path: '/api/health/live', summary: 'The process is alive', tag: 'operations' },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', tag: 'operations', auth: 'metrics', produces: 'text/plain' },
  { method: 'get', path: '/config.json', summary: "The municipality's configuration for the kiosks", tag: 'meta' },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', tag: 'meta' },
  { method: 'post', path: '/api/v1/devices/enroll', summary: 'Enrol a kiosk or tablet with an enrolment code', tag: 'devices' },
  { method: 'post', path: '/api/v1/devices/report', summary: "A device's health report", tag: 'devices', auth: 'device' },
  { method: 'post', path: '/api/v1/submissions', summary: 'Upload 1 to 100 sealed envelopes', tag: 'devices', auth: 'device', body: submissionBatchSchema },
  { method: 'post', path: '/api/v1/staff/login', summary: 'Sign in; sets the session cookie', tag: 'staff', body: loginBodySchema, answer: staffUserSchema },
  { method: 'post', path: '/api/v1/staff/logout', summary: 'End the session', tag: 'staff', auth: 'staff' },
  { method: 'get', path: '/api/v1/staff/session', summary: 'The signed-in staff member', tag: 'staff', auth: 'staff', answer: staffUserSchema },
  { method: 'get', path: '/api/v1/staff/submissions', summary: 'List, search and sort submissions, a page at a time', tag: 'staff', auth: 'staff', query: submissionListQuery, answer: submissionListSchema },
  { method: 'get', path: '/api/v1/staff/submissions.csv', summary: 'The filtered list as CSV', tag: 'staff', auth: 'staff', query: submissionListQuery, produces: 'text/csv' },
  { method: 'get', path: '/api/v1/staff/submission-types', summary: 'Every stored request type', tag: 'staff', auth: 'staff' },
  { method: 'get', path: '/api/v1/staff/submissions/:id', summary: 'One submission, decrypted, with its history (audited)', tag: 'staff', auth: 'staff', answer: submissionDetailSchema },
  { method: 'post', path: '/api/v1/staff/submissions/:id/print', summary: 'Record that a submission is printed (audited)', tag: 'staff', auth: 'staff' },
  { method: 'post', path: '/api/v1/staff/submissions/:id/transition', summary: 'Move a submission to another status', tag: 'staff', auth: 'staff', body: transitionBodySchema },
  { method: 'get', path: '/api/v1/staff/devices', summary: 'Enrolled devices and their health (admins)', tag: 'staff', auth: 'staff' },
  { method: 'get', path: '/api/v1/staff/device-names', summary: "Devices' names for the inbox's filter", tag: 'staff', auth: 'staff' },
  { method: 'post', path: '/api/v1/staff/devices/:id/revoke', summary: 'Revoke a device (admins)', tag: 'staff', auth: 'staff' },
  { method: 'get', path: '/api/v1/staff/enrolment-codes', summary: 'Enrolment codes (admins)', tag: 'staff', auth: 'staff' },
  { method: 'post', path: '/api/v1/staff/enrolment-codes', summary: 'Create an enrolment code (admins)', tag: 'staff', auth: 'staff' },
  { method: 'post', path: '/api/v1/staff/enrolment-codes/:id/revoke', summary: 'Revoke an enrolment code (admins)', tag: 'staff', auth: 'staff' },
  { method: 'get', path: '/api/v1/staff/users', summary: 'Staff accounts (admins)', tag: 'staff', auth: 'staff' },
  { method: 'post', path: '/api/v1/staff/users', summary: 'Create a staff account (admins)', tag: 'staff', auth: 'staff' },
  { method: 'post', path: '/api/v1/staff/users/:username/disable', summary: 'Deactivate a staff account (admins)', tag: 'staff', auth: 'staff' },
  { method: 'get', path: '/api/v1/staff/audit', summary: 'The audit log, filtered', tag: 'staff', auth: 'staff' },
];
