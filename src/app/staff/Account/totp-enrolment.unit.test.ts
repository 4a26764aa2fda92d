import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { CODE_FIELD, TotpEnrolment } from './totp-enrolment.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  ui.user = { username: 'mette', role: 'caseworker', expiresAt: '2026-03-02T17:00:00.000Z', secondFactor: false };
  const api = {
    startTotp: vi.fn(async () => ({ secret: 'JBSWY3DPEHPK3PXPJBSW', uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSW' })),
    confirmTotp: vi.fn(async () => ({ recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] })),
    qrSvg: vi.fn(async (uri: string) => `<svg data-uri="${uri}"></svg>`),
  };
  return { ui, api, enrolment: new TotpEnrolment(api, ui) };
}

describe('enrolling a second factor', () => {
  it('shows the new secret as a QR code and in groups of four', async () => {
    const { api, enrolment } = setUp();
    await enrolment.start();
    expect(api.qrSvg).toHaveBeenCalledWith('otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSW');
    expect(enrolment).toMatchObject({ step: 'scan', busy: false, error: '' });
    expect(enrolment.groupedSecret).toBe('JBSW Y3DP EHPK 3PXP JBSW');
  });

  it('wants six digits before asking the server', async () => {
    const { ui, api, enrolment } = setUp();
    enrolment.code = '12345';
    await enrolment.submitCode();
    expect(api.confirmTotp).not.toHaveBeenCalled();
    expect(enrolment.errors).toEqual([{ field: CODE_FIELD, message: ui.t('staff:totp.codeFormat') }]);
  });

  it('turns the factor on with a right code, shows the recovery codes once and forgets the secret', async () => {
    const { ui, api, enrolment } = setUp();
    await enrolment.start();
    enrolment.code = '123 456';
    await enrolment.submitCode();
    expect(api.confirmTotp).toHaveBeenCalledWith('123456');
    expect(enrolment).toMatchObject({ step: 'done', secret: '', qr: '', code: '', errors: [], recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] });
    expect(ui.user?.secondFactor).toBe(true);
    enrolment.reset();
    expect(enrolment).toMatchObject({ step: 'idle', recoveryCodes: [] });
  });

  it('says a wrong code is wrong, and anything else failed', async () => {
    const { ui, api, enrolment } = setUp();
    api.confirmTotp.mockRejectedValueOnce(new StaffApiError('totp.confirm', 400, 'wrong_code'));
    enrolment.code = '000000';
    await enrolment.submitCode();
    expect(enrolment.errors).toEqual([{ field: CODE_FIELD, message: ui.t('staff:totp.wrongCode') }]);
    api.confirmTotp.mockRejectedValueOnce(new Error('offline'));
    enrolment.code = '000000';
    await enrolment.submitCode();
    expect(enrolment.errors).toEqual([{ field: CODE_FIELD, message: ui.t('staff:errors.failed') }]);
    expect(ui.user?.secondFactor).toBe(false);
  });
});
