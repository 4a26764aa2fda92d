import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { QueueTicket, Waiting } from '#contract/counter.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { WaitingNow } from './waiting-now.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const ticket = (number: number, calledBy: string | null = null): QueueTicket => ({
  id: `t${number}`, deviceId: 'kiosk-1', deviceName: 'Kiosk 1', day: '2026-03-02', number, createdAt: '2026-03-02T09:00:00.000Z',
  calledAt: calledBy ? '2026-03-02T09:05:00.000Z' : null, calledBy,
});
const waiting = (tickets: QueueTicket[]): Waiting => ({ day: '2026-03-02', now: '2026-03-02T09:10:00.000Z', tickets, helpCalls: [] });

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    listWaiting: vi.fn(async () => waiting([ticket(1, 'mette'), ticket(2)])),
    callNext: vi.fn(async () => ticket(2, 'mette')),
  };
  return { ui, api, queue: new WaitingNow(api, ui) };
}

describe('"Venter nu"', () => {
  it('shows today\'s tickets, and which of them still wait', async () => {
    const { queue } = setUp();
    await queue.load();
    expect(queue.waiting?.tickets).toHaveLength(2);
    expect(queue.waitingTickets.map((t) => t.number)).toEqual([2]);
  });

  it('names who called a ticket as people know them: the display name where there is one', async () => {
    const { ui, queue } = setUp();
    ui.people = { 'sso-4f2a9c': 'Mette Jensen' };
    expect(queue.stateOf(ticket(1, 'sso-4f2a9c'))).toBe(ui.t('staff:counter.waiting.calledBy', { username: 'Mette Jensen' }));
    expect(queue.stateOf(ticket(1, 'sso-4f2a9c'))).not.toContain('sso-4f2a9c');
    // A local account without a display name keeps its username.
    expect(queue.stateOf(ticket(3, 'lokal.lise'))).toBe(ui.t('staff:counter.waiting.calledBy', { username: 'lokal.lise' }));
    expect(queue.stateOf(ticket(2))).toBe(ui.t('staff:counter.waiting.waitingState'));
  });

  it('calls the next number, says which, and reads the queue again', async () => {
    const { ui, api, queue } = setUp();
    await queue.next();
    expect(queue.message).toBe(ui.t('staff:counter.waiting.called', { number: 2 }));
    expect(api.listWaiting).toHaveBeenCalledTimes(1);
    expect(queue.busy).toBe(false);
  });

  it('says nobody is waiting when someone else called the last one first', async () => {
    const { ui, api, queue } = setUp();
    api.callNext.mockRejectedValueOnce(new StaffApiError('waiting.call-next', 409, 'nobody_waiting'));
    api.listWaiting.mockRejectedValueOnce(new StaffApiError('waiting.list', 500, 'unknown'));
    await queue.next();
    expect(queue.message).toBeUndefined();
    // The reload failed too: that is what the screen says last.
    expect(queue.error).toBe(ui.t('staff:errors.failed'));
    api.callNext.mockRejectedValueOnce(new StaffApiError('waiting.call-next', 409, 'nobody_waiting'));
    await queue.next();
    expect(queue.error).toBeUndefined();
    queue.reset();
    expect(queue).toMatchObject({ waiting: undefined, error: undefined, message: undefined });
  });
});
