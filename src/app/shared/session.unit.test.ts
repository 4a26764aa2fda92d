import { describe, expect, it } from 'vitest';
import { KioskSession } from './session.svelte.ts';

describe('KioskSession', () => {
  it('reset() forgets everything the citizen chose or typed and starts a new generation', () => {
    const session = new KioskSession();
    session.language = 'en';
    session.largePrint = true;
    session.answersFor('complaint').name = 'Anna';
    expect(session.pristine).toBe(false);

    session.reset();
    expect(session.language).toBe('da');
    expect(session.largePrint).toBe(false);
    expect(session.answers).toEqual({});
    expect(session.generation).toBe(1);
    expect(session.pristine).toBe(true);
  });
});
