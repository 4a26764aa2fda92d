import type { EnrolmentCodeAnswer, EnrolmentCodeCreated, EnrolmentCodeRequest } from '#contract/staff.ts';
import { call, post, segment } from './http.ts';

/** The codes a new kiosk or tablet enrols with. */

export const listEnrolmentCodes = () => call<{ codes: EnrolmentCodeAnswer[] }>('enrolment-codes.list', '/enrolment-codes');
export const createEnrolmentCode = (request: EnrolmentCodeRequest) => call<EnrolmentCodeCreated>('enrolment-codes.create', '/enrolment-codes', post(request));
export const revokeEnrolmentCode = (id: string) => call<void>('enrolment-codes.revoke', `/enrolment-codes/${segment(id)}/revoke`, post());
