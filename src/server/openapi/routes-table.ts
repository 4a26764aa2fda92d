import type { GenericSchema } from 'valibot';
import { staffCheckSchema, staffCredentialRenewalSchema, submissionBatchSchema } from '#contract/v1.ts';
import { bookingDayQuery, bookingDaySchema, bookingRequestSchema } from '#contract/bookings.ts';
import { deviceReportSchema } from '#contract/device-report.ts';
import { deviceEventSchema } from '#contract/device-events.ts';
import { helpCallRequestSchema } from '#contract/counter.ts';
import { helpCallReceiptSchema, helpCallSchema, openHelpCallsSchema, queueNumberSchema, queueTicketSchema, waitingSchema } from '#contract/counter-answers.ts';
import { batchResponseSchema, bookingSchema, enrollBodySchema, enrollResponseSchema, healthSchema, rotateTokenSchema, slotsResponseSchema, staffCheckResponseSchema, staffCredentialResponseSchema } from '#contract/device-answers.ts';
import * as s from '#contract/staff.ts';
import { municipalityConfigSchema } from '#config/schema.ts';

/** Marks a route that takes no body, or answers 204 without one. */
export const NO_BODY = 'none';

/** One route of the HTTP API as the OpenAPI document lists it. */
export interface RouteDoc {
  method: 'get' | 'post';
  /** Hono's form (`:id`); the document writes `{id}`. */
  path: string;
  summary: string;
  tag: 'devices' | 'staff' | 'operations' | 'meta';
  /** staff: the session cookie; device: the device's bearer token; metrics: METRICS_TOKEN. */
  auth?: 'staff' | 'device' | 'metrics';
  /** The JSON body; NO_BODY where the route reads none (a test requires one of the two on every POST). */
  body?: GenericSchema | typeof NO_BODY;
  /** The 2xx answer; NO_BODY for 204. A test requires it (or `produces`) on every route. */
  answer?: GenericSchema | typeof NO_BODY;
  /** The success status when it is not 200 (201 Created). */
  status?: 201;
  /** Query parameters by name, with what they mean. */
  query?: Readonly<Record<string, string>>;
  /** Not JSON: the content type of a 200 answer. */
  produces?: string;
}

/** Every route, listed once; a test keeps this equal to the routes the app registers. */
export const routeDocs: readonly RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'Whether the server and its database answer', tag: 'operations', answer: healthSchema },
  { method: 'get', path: '/api/health/ready', summary: 'Ready for traffic (503 while draining or without database)', tag: 'operations', answer: healthSchema },
  { method: 'get', path: '/api/health/live', summary: 'The process is alive', tag: 'operations', answer: healthSchema },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', tag: 'operations', auth: 'metrics', produces: 'text/plain' },
  { method: 'get', path: '/config.json', summary: "The municipality's configuration for the kiosks", tag: 'meta', answer: municipalityConfigSchema },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', tag: 'meta', produces: 'application/json' },
  { method: 'post', path: '/api/v1/devices/enroll', summary: 'Enrol a kiosk or tablet with an enrolment code', tag: 'devices', body: enrollBodySchema, answer: enrollResponseSchema, status: 201 },
  { method: 'post', path: '/api/v1/devices/report', summary: "A device's health report", tag: 'devices', auth: 'device', body: deviceReportSchema, answer: NO_BODY },
  { method: 'post', path: '/api/v1/submissions', summary: 'Upload 1 to 100 sealed envelopes', tag: 'devices', auth: 'device', body: submissionBatchSchema, answer: batchResponseSchema },
  { method: 'post', path: '/api/v1/staff/login', summary: 'Sign in; sets the session cookie', tag: 'staff', body: s.loginBodySchema, answer: s.staffSessionSchema },
  { method: 'post', path: '/api/v1/staff/logout', summary: 'End the session', tag: 'staff', auth: 'staff', body: NO_BODY, answer: NO_BODY },
  { method: 'get', path: '/api/v1/staff/session', summary: 'The signed-in staff member', tag: 'staff', auth: 'staff', answer: s.staffSessionSchema },
  { method: 'get', path: '/api/v1/staff/submissions', summary: 'List, search and sort submissions, a page at a time', tag: 'staff', auth: 'staff', query: s.submissionListQuery, answer: s.submissionListSchema },
  { method: 'get', path: '/api/v1/staff/submissions.csv', summary: 'The filtered list as CSV', tag: 'staff', auth: 'staff', query: { ...s.submissionListQuery, lang: 'da (default) or en: the language of the labels' }, produces: 'text/csv' },
  { method: 'get', path: '/api/v1/staff/submission-types', summary: 'Every stored request type', tag: 'staff', auth: 'staff', answer: s.submissionTypesSchema },
  { method: 'get', path: '/api/v1/staff/submissions/:id', summary: 'One submission, decrypted, with its history (audited)', tag: 'staff', auth: 'staff', answer: s.submissionDetailSchema },
  { method: 'post', path: '/api/v1/staff/submissions/:id/print', summary: 'Record that a submission is printed (audited)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: NO_BODY },
  { method: 'post', path: '/api/v1/staff/submissions/:id/transition', summary: 'Move a submission to another status', tag: 'staff', auth: 'staff', body: s.transitionBodySchema, answer: s.transitionAnswerSchema },
  { method: 'get', path: '/api/v1/staff/devices', summary: 'Enrolled devices and their health (admins)', tag: 'staff', auth: 'staff', answer: s.deviceFleetSchema },
  { method: 'get', path: '/api/v1/staff/device-names', summary: "Devices' names for the inbox's filter", tag: 'staff', auth: 'staff', answer: s.deviceNamesSchema },
  { method: 'post', path: '/api/v1/staff/devices/:id/revoke', summary: 'Revoke a device (admins)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: NO_BODY },
  { method: 'post', path: '/api/v1/staff/devices/revoke-all', summary: 'Revoke every device of one kind (admins, audited)', tag: 'staff', auth: 'staff', body: s.revokeAllDevicesSchema, answer: s.revokeAllDevicesAnswerSchema },
  { method: 'post', path: '/api/v1/devices/staff-check', summary: 'At an online unlock: may the staff member whose credential the tablet holds still work', tag: 'devices', auth: 'device', body: staffCheckSchema, answer: staffCheckResponseSchema },
  { method: 'post', path: '/api/v1/devices/token', summary: "Renew the device's token before it expires; the old one works for a short overlap", tag: 'devices', auth: 'device', body: NO_BODY, answer: rotateTokenSchema, status: 201 },
  { method: 'get', path: '/api/v1/staff/enrolment-codes', summary: 'Enrolment codes (admins)', tag: 'staff', auth: 'staff', answer: s.enrolmentCodesSchema },
  { method: 'post', path: '/api/v1/staff/enrolment-codes', summary: 'Create an enrolment code (admins)', tag: 'staff', auth: 'staff', body: s.enrolmentCodeBodySchema, answer: s.enrolmentCodeCreatedSchema, status: 201 },
  { method: 'post', path: '/api/v1/staff/enrolment-codes/:id/revoke', summary: 'Revoke an enrolment code (admins)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: NO_BODY },
  { method: 'get', path: '/api/v1/staff/users', summary: 'Staff accounts (admins)', tag: 'staff', auth: 'staff', answer: s.staffAccountsSchema },
  { method: 'post', path: '/api/v1/staff/users', summary: 'Create a staff account (admins)', tag: 'staff', auth: 'staff', body: s.newUserBodySchema, answer: s.accountRoleSchema, status: 201 },
  { method: 'post', path: '/api/v1/staff/users/:username/disable', summary: 'Deactivate a staff account (admins)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: NO_BODY },
  { method: 'get', path: '/api/v1/staff/audit', summary: 'The audit log, filtered', tag: 'staff', auth: 'staff', query: s.auditQuery, answer: s.auditPageSchema },
  { method: 'post', path: '/api/v1/devices/events', summary: "A tablet's own events, such as a wipe after wrong PINs (audited)", tag: 'devices', auth: 'device', body: deviceEventSchema, answer: NO_BODY },
  { method: 'post', path: '/api/v1/devices/staff-credential', summary: "A tablet's short-lived credential for the staff member signed in on it", tag: 'devices', auth: 'device', body: NO_BODY, answer: staffCredentialResponseSchema, status: 201 },
  { method: 'post', path: '/api/v1/devices/staff-credential/renew', summary: 'At an online unlock: a new credential for the staff member, with the renewal secret kept under their PIN', tag: 'devices', auth: 'device', body: staffCredentialRenewalSchema, answer: staffCredentialResponseSchema, status: 201 },
  { method: 'post', path: '/api/v1/devices/help-calls', summary: 'A kiosk calls staff (no citizen data)', tag: 'devices', auth: 'device', body: helpCallRequestSchema, answer: helpCallReceiptSchema, status: 201 },
  { method: 'post', path: '/api/v1/devices/queue-tickets', summary: "Today's next queue number for a kiosk's ticket", tag: 'devices', auth: 'device', body: NO_BODY, answer: queueNumberSchema, status: 201 },
  { method: 'get', path: '/api/v1/staff/sso', summary: 'Whether sign-in through the organisation is offered', tag: 'staff', answer: s.ssoAnswerSchema },
  { method: 'get', path: '/api/v1/staff/sso/start', summary: 'Start sign-in through the OpenID provider (302, PKCE)', tag: 'staff', produces: 'text/html' },
  { method: 'get', path: '/api/v1/staff/sso/callback', summary: "The OpenID provider's answer; sets the session cookie", tag: 'staff', produces: 'text/html' },
  { method: 'post', path: '/api/v1/staff/totp/enrol', summary: 'Start enrolling a second factor (TOTP)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: s.totpEnrolmentSchema },
  { method: 'post', path: '/api/v1/staff/totp/confirm', summary: 'Confirm the second factor with a first code; answers the recovery codes', tag: 'staff', auth: 'staff', body: s.totpConfirmBodySchema, answer: s.recoveryCodesSchema },
  { method: 'post', path: '/api/v1/staff/password', summary: 'Change your own password', tag: 'staff', auth: 'staff', body: s.changePasswordBodySchema, answer: NO_BODY },
  { method: 'post', path: '/api/v1/staff/users/:username/reset-password', summary: 'Reset an account password; it must be changed at next sign-in (admins)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: s.temporaryPasswordSchema },
  { method: 'post', path: '/api/v1/staff/users/:username/reactivate', summary: 'Reactivate a deactivated account (admins)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: NO_BODY },
  { method: 'post', path: '/api/v1/staff/users/:username/role', summary: "Change an account's role (admins)", tag: 'staff', auth: 'staff', body: s.roleBodySchema, answer: s.accountRoleSchema },
  { method: 'get', path: '/api/v1/staff/people', summary: 'Display names of accounts made at sign-in through the organisation', tag: 'staff', auth: 'staff', answer: s.staffPeopleSchema },
  { method: 'post', path: '/api/v1/staff/submissions/:id/assign', summary: 'Assign a case to a caseworker, or release it', tag: 'staff', auth: 'staff', body: s.assignBodySchema, answer: s.caseStateSchema },
  { method: 'post', path: '/api/v1/staff/submissions/:id/notes', summary: 'Add a note to a case (sealed at rest)', tag: 'staff', auth: 'staff', body: s.noteBodySchema, answer: s.caseStateSchema, status: 201 },
  { method: 'get', path: '/api/v1/staff/audit.csv', summary: 'The filtered audit log as CSV for Danish Excel (admins)', tag: 'staff', auth: 'staff', query: s.auditQuery, produces: 'text/csv' },
  { method: 'get', path: '/api/v1/staff/help-calls', summary: 'Open help calls from the kiosks', tag: 'staff', auth: 'staff', answer: openHelpCallsSchema },
  { method: 'post', path: '/api/v1/staff/help-calls/:id/handle', summary: 'Answer a help call (audited)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: helpCallSchema },
  { method: 'get', path: '/api/v1/staff/waiting', summary: "Today's queue tickets and open help calls", tag: 'staff', auth: 'staff', answer: waitingSchema },
  { method: 'post', path: '/api/v1/staff/waiting/call-next', summary: 'Call the next queue number (audited)', tag: 'staff', auth: 'staff', body: NO_BODY, answer: queueTicketSchema },
  { method: 'get', path: '/api/v1/devices/slots', summary: 'Offered slots that still have a free seat', tag: 'devices', auth: 'device', query: { from: 'First day, YYYY-MM-DD (today without it)', days: 'How many days, 1 to 60' }, answer: slotsResponseSchema },
  { method: 'post', path: '/api/v1/devices/bookings', summary: "Reserve a seat in a slot for a submission's reference (409 slot_taken with alternatives)", tag: 'devices', auth: 'device', body: bookingRequestSchema, answer: bookingSchema, status: 201 },
  { method: 'get', path: '/api/v1/staff/bookings', summary: "A day's bookings by time", tag: 'staff', auth: 'staff', query: bookingDayQuery, answer: bookingDaySchema },
  { method: 'get', path: '/api/v1/devices/bookings/:reference', summary: "What became of this device's booking for a reference: booked, or another time proposed (404 no_booking)", tag: 'devices', auth: 'device', answer: bookingSchema },
  { method: 'get', path: '/api/v1/staff/events', summary: 'Live events for the back office (server-sent events)', tag: 'staff', auth: 'staff', produces: 'text/event-stream' },
];
