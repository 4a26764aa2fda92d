import { describe, expect, it, vi } from 'vitest';
import type { Answers, FormDefinition } from '#forms/engine/types.ts';
import type { Receipt } from '#outbox/submit.ts';
import type { Reservation } from '../booking/booking-client.ts';
import { FormFlowState, type FormFlowIO } from './form-flow.svelte.ts';

const form: FormDefinition = {
  id: 'book-time',
  type: 'book-time',
  schemaVersion: 1,
  steps: [
    { id: 'time', fields: [{ name: 'time', kind: 'slot', required: true, personal: false }] },
    { id: 'you', fields: [{ name: 'name', kind: 'text', required: true, personal: true }] },
  ],
};
const receipt: Receipt = { id: 'item-1', reference: 'VKJK-3NMH-545Z', createdAt: '2026-12-05T09:00:00.000Z', type: 'book-time' };

function setUp(reservation: Reservation, online = true) {
  const answers: Answers = { time: '2026-12-08T10:00', name: 'Anne Jensen' };
  const fakes: FormFlowIO = {
    submit: vi.fn(async () => receipt),
    watchDelivery: vi.fn(async () => undefined),
    qr: vi.fn(async () => '<svg/>'),
    online: () => online,
    wait: async () => undefined,
    reserve: vi.fn(async () => reservation),
    newReference: () => 'VKJK-3NMH-545Z',
  };
  const state = new FormFlowState(() => ({ form, answers }), fakes, { startStep: 2, today: new Date('2026-12-05T10:00:00Z') });
  return { state, fakes, answers };
}

describe('booking a time on submit', () => {
  it('reserves the time online first and sends the request with the reserved reference', async () => {
    const { state, fakes } = setUp({ kind: 'booked' });
    await state.send();
    expect(fakes.reserve).toHaveBeenCalledWith('2026-12-08T10:00', 'VKJK-3NMH-545Z');
    expect(fakes.submit).toHaveBeenCalledWith(expect.objectContaining({ type: 'book-time', reference: 'VKJK-3NMH-545Z' }));
    expect(state.receipt).toEqual(receipt);
    // The receipt says the time is booked; a reset forgets it.
    expect(state.timeBooked).toBe(true);
    state.reset();
    expect(state.timeBooked).toBe(false);
  });

  it('when the time was just taken, goes back to the time with the alternatives and keeps the other answers', async () => {
    const { state, fakes, answers } = setUp({ kind: 'taken', alternatives: ['2026-12-08T10:15', '2026-12-08T09:45'] });
    expect(await state.send()).toEqual({ to: 'summary' });
    expect(fakes.submit).not.toHaveBeenCalled();
    expect(state.stepIndex).toBe(0);
    expect(state.errors).toEqual([{ path: 'time', code: 'taken' }]);
    expect(state.alternatives).toEqual(['2026-12-08T10:15', '2026-12-08T09:45']);
    expect(answers).toEqual({ time: undefined, name: 'Anne Jensen' });
    // Taking an alternative answers the time and returns to the check page.
    expect(state.chooseAlternative('2026-12-08T10:15')).toEqual({ to: 'heading' });
    expect(answers.time).toBe('2026-12-08T10:15');
    expect(state.checking).toBe(true);
    expect(state.alternatives).toEqual([]);
  });

  it('queues the request with its reference when the server cannot be reached, and does not ask offline', async () => {
    const unreachable = setUp({ kind: 'unavailable' });
    await unreachable.state.send();
    expect(unreachable.fakes.submit).toHaveBeenCalledWith(expect.objectContaining({ reference: 'VKJK-3NMH-545Z' }));
    // Not held by the server: the receipt keeps "staff will call to confirm".
    expect(unreachable.state.timeBooked).toBe(false);
    const offline = setUp({ kind: 'booked' }, false);
    await offline.state.send();
    expect(offline.fakes.reserve).not.toHaveBeenCalled();
    expect(offline.fakes.submit).toHaveBeenCalledWith(expect.not.objectContaining({ reference: expect.anything() }));
    expect(offline.state.timeBooked).toBe(false);
  });
});
