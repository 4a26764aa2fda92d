import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, SubmissionDetailAnswer, SubmissionStatus } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { NOTE_FIELD, SubmissionCase } from './submission-case.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const detail = (status: SubmissionStatus, allowed: SubmissionStatus[]): SubmissionDetailAnswer => ({
  id: 'sub-1', reference: 'REF-1', type: 'complaint', status, createdAt: '2026-03-02T09:00:00.000Z', receivedAt: '2026-03-02T09:01:00.000Z',
  deviceId: 'tablet-1', deviceName: 'Tablet 1', deviceKind: 'tablet', assisted: null, assistedBy: null, schemaVersion: 1,
  allowedTransitions: allowed, history: [],
  payload: { type: 'complaint', schemaVersion: 1, reference: 'REF-1', createdAt: '2026-03-02T09:00:00.000Z', assisted: true, assistedBy: 'sagsbehandler', data: {} },
});
const entry = (action: string): AuditEntry => ({ id: action, at: '2026-03-02T10:00:00.000Z', actor: 'sagsbehandler', action, target: 'sub-1', detail: {} });

function setUp(status: SubmissionStatus = 'received', allowed: SubmissionStatus[] = ['in_progress', 'rejected']) {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    readSubmission: vi.fn(async () => detail(status, allowed)),
    auditOf: vi.fn(async () => ({ entries: [entry('read_submission')], subjects: {} })),
    recordPrint: vi.fn(async () => undefined),
    transition: vi.fn(async () => detail(status, allowed)),
    print: vi.fn(),
  };
  return { ui, api, detail: new SubmissionCase(api, ui) };
}

describe('one case', () => {
  it('reads the case first, then its audit entries (which then include the read)', async () => {
    const { api, detail: kase } = setUp();
    await kase.load('sub-1');
    expect(api.readSubmission).toHaveBeenCalledWith('sub-1');
    expect(api.readSubmission.mock.invocationCallOrder[0]).toBeLessThan(api.auditOf.mock.invocationCallOrder[0]!);
    expect(kase.submission?.reference).toBe('REF-1');
    expect(kase.audit.map((e) => e.action)).toEqual(['read_submission']);
    // Who filled it in comes from the payload where the row does not say.
    expect(kase.assisted).toEqual({ assisted: true, by: 'sagsbehandler' });
  });

  it('says a case that does not exist is missing', async () => {
    const { api, detail: kase } = setUp();
    api.readSubmission.mockRejectedValueOnce(new StaffApiError('submissions.read', 404, 'not_found'));
    await kase.load('nope');
    expect(kase).toMatchObject({ missing: true, failed: undefined });
  });

  it('refuses a rejection without a note, by the workflow\'s own rule, before asking the server', async () => {
    const { ui, api, detail: kase } = setUp();
    await kase.load('sub-1');
    kase.note = '   ';
    await kase.move('rejected');
    expect(api.transition).not.toHaveBeenCalled();
    expect(kase.errors).toEqual([{ field: NOTE_FIELD, message: ui.t('staff:detail.noteRequired') }]);
  });

  it('asks for a reason to reopen a closed case, and names the step a reopening', async () => {
    const { ui, api, detail: kase } = setUp('done', ['in_progress']);
    await kase.load('sub-1');
    expect(kase.isReopening('in_progress')).toBe(true);
    await kase.move('in_progress');
    expect(api.transition).not.toHaveBeenCalled();
    expect(kase.errors[0]?.message).toBe(ui.t('staff:casework.reopenRequired'));
  });

  it('moves the case with the note, says so, and reads it again', async () => {
    const { ui, api, detail: kase } = setUp();
    await kase.load('sub-1');
    kase.note = ' Spam ';
    await kase.move('rejected');
    expect(api.transition).toHaveBeenCalledWith('sub-1', 'rejected', 'Spam');
    expect(kase.note).toBe('');
    expect(kase.message).toBe(ui.t('staff:detail.moved', { status: ui.t('staff:status.rejected') }));
    expect(api.readSubmission).toHaveBeenCalledTimes(2);
    expect(kase.busy).toBe(false);
  });

  it('says when someone else moved the case first, and shows the server\'s casework refusal on the note', async () => {
    const { ui, api, detail: kase } = setUp();
    await kase.load('sub-1');
    api.transition.mockRejectedValueOnce(new StaffApiError('submissions.transition', 409, 'conflict'));
    await kase.move('in_progress');
    expect(kase.message).toBe(ui.t('staff:detail.conflict'));
    api.transition.mockRejectedValueOnce(new StaffApiError('submissions.transition', 400, 'rejection_needs_note'));
    kase.note = 'x';
    await kase.move('rejected');
    expect(kase.errors).toEqual([{ field: NOTE_FIELD, message: ui.t('staff:detail.noteRequired') }]);
  });

  it('prints only once the server has the print in the audit log', async () => {
    const { api, detail: kase } = setUp();
    await kase.load('sub-1');
    api.recordPrint.mockRejectedValueOnce(new StaffApiError('submissions.print', 500, 'unknown'));
    await kase.print();
    expect(api.print).not.toHaveBeenCalled();
    expect(kase.failed).toBeDefined();
    api.auditOf.mockResolvedValueOnce({ entries: [entry('read_submission'), entry('print_submission')], subjects: {} });
    await kase.print();
    expect(api.print).toHaveBeenCalledTimes(1);
    expect(kase.audit.map((e) => e.action)).toEqual(['read_submission', 'print_submission']);
  });

  it('takes a casework change into the case, and reset() forgets the case', async () => {
    const { detail: kase } = setUp();
    await kase.load('sub-1');
    await kase.caseChanged({ id: 'sub-1', status: 'in_progress', assignee: 'sagsbehandler', dueAt: '2026-03-20', allowedTransitions: ['done', 'rejected'], history: [] });
    expect(kase.submission).toMatchObject({ status: 'in_progress', assignee: 'sagsbehandler', reference: 'REF-1' });
    kase.reset();
    expect(kase).toMatchObject({ submission: undefined, audit: [], missing: false, note: '', errors: [] });
  });
});
