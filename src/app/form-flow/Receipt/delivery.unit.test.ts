import { describe, expect, it } from 'vitest';
import { deliveryOf } from './delivery.svelte.ts';

// The receipt says "sent" only once the server has acknowledged the request (outbox status 'stored').
describe('deliveryOf', () => {
  it('is "sent" only for a stored item', () => {
    expect(deliveryOf('stored')).toBe('sent');
  });

  it('is "saved" while the item waits or is being sent, and when it cannot be read', () => {
    expect([deliveryOf('queued'), deliveryOf('sending'), deliveryOf(undefined)]).toEqual(['saved', 'saved', 'saved']);
  });

  it('is "held" when the server refused it and staff must look at it', () => {
    expect([deliveryOf('rejected'), deliveryOf('discarded')]).toEqual(['held', 'held']);
  });
});
