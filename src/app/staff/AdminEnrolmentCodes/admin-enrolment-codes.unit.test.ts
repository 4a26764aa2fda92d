import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnrolmentCodeAnswer } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { AdminEnrolmentCodes } from './admin-enrolment-codes.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});
beforeEach(() => vi.stubGlobal('document', { getElementById: () => ({ focus: () => undefined }) }));
afterEach(() => vi.unstubAllGlobals());

const code: EnrolmentCodeAnswer = {
  id: 'code-1', label: 'Borgerservice Nord', kind: 'kiosk', createdAt: '2026-03-02T09:00:00.000Z', createdBy: 'admin',
  expiresAt: '2026-03-03T09:00:00.000Z', maxUses: 2, uses: 0, revokedAt: null, revokedBy: null,
};

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    listEnrolmentCodes: vi.fn(async () => ({ codes: [code] })),
    createEnrolmentCode: vi.fn(async () => ({ id: 'code-2', code: 'ABCD-EFGH', expiresAt: '2026-03-03T09:00:00.000Z' })),
    revokeEnrolmentCode: vi.fn(async () => undefined),
  };
  return { ui, api, screen: new AdminEnrolmentCodes(api, ui) };
}

describe('the enrolment codes screen', () => {
  it('checks hours, label and uses before asking for a code', async () => {
    const { ui, api, screen } = setUp();
    screen.hours = '169';
    screen.label = '<b>';
    screen.maxUses = '0';
    await screen.create();
    expect(api.createEnrolmentCode).not.toHaveBeenCalled();
    expect(screen.errors.map((e) => e.field)).toEqual(['code-hours', 'code-label', 'code-uses']);
    expect(screen.errors[0]!.message).toBe(ui.t('staff:codes.expiresInInvalid'));
  });

  it('makes a code from the form, shows it once and reads the list again', async () => {
    const { api, screen } = setUp();
    screen.hours = '48';
    screen.label = ' Nord ';
    screen.kind = 'tablet';
    screen.maxUses = '3';
    await screen.create();
    expect(api.createEnrolmentCode).toHaveBeenCalledWith({ expiresInHours: 48, label: 'Nord', kind: 'tablet', maxUses: 3 });
    expect(screen.created?.code).toBe('ABCD-EFGH');
    expect(screen).toMatchObject({ label: '', maxUses: '', busy: false });
    expect(screen.codes).toEqual([code]);
  });

  it('asks for any kind and unlimited uses when those are left empty, and reports a failure on the first field', async () => {
    const { ui, api, screen } = setUp();
    api.createEnrolmentCode.mockRejectedValueOnce(new StaffApiError('enrolment-codes.create', 500, 'unknown'));
    await screen.create();
    expect(api.createEnrolmentCode).toHaveBeenCalledWith({ expiresInHours: 24, label: '', kind: null, maxUses: null });
    expect(screen.errors).toEqual([{ field: 'code-hours', message: ui.t('staff:errors.failed') }]);
  });

  it('revokes after the question, names the code, and reset() forgets the code shown once', async () => {
    const { ui, api, screen } = setUp();
    await screen.create();
    await screen.revoking.ask(code);
    await screen.revoking.confirm();
    expect(api.revokeEnrolmentCode).toHaveBeenCalledWith('code-1');
    expect(screen.revoking.message).toBe(ui.t('staff:codes.revoked', { name: 'Borgerservice Nord' }));
    screen.reset();
    expect(screen).toMatchObject({ created: undefined, codes: undefined, hours: '24' });
  });
});
