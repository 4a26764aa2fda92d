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

describe('deliveryOf on a device the server refuses', () => {
  it('is "blocked", never "saved" (which promises it goes by itself) and never "sent", while the item waits', () => {
    expect([deliveryOf('queued', 'revoked'), deliveryOf('sending', 'expired'), deliveryOf(undefined, 'revoked')]).toEqual(['blocked', 'blocked', 'blocked']);
  });

  it('still says "sent" or "held" when the server had answered for the item before', () => {
    expect([deliveryOf('stored', 'revoked'), deliveryOf('rejected', 'expired')]).toEqual(['sent', 'held']);
  });
});
