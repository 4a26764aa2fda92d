import { describe, expect, it } from 'vitest';
import { hasContent, KioskSession, markChosenForCitizen } from './session.svelte.ts';

// Finish asks before deleting only when the citizen has typed or chosen something (FinishConfirm).
describe('KioskSession.hasTyped', () => {
  it('is false for a form that was only opened, and for blanks', () => {
    const session = new KioskSession();
    session.answersFor('complaint');
    session.answersFor('housing-benefit').name = '   ';
    session.answersFor('housing-benefit').movedInDate = { day: '', month: '', year: '' };
    session.answersFor('housing-benefit').members = [{ memberName: '' }];
    expect(session.hasTyped).toBe(false);
  });

  it('is true once anything is typed, chosen or ticked, also inside a date or a list', () => {
    for (const value of ['K', { day: '1' }, [{ memberName: 'Ole' }], false, true, 0, ['health']]) {
      const session = new KioskSession();
      session.answersFor('complaint').field = value;
      expect(session.hasTyped, JSON.stringify(value)).toBe(true);
    }
  });

  it('is false for an answer the kiosk chose itself (the only option offered), true once the citizen adds one', () => {
    const session = new KioskSession();
    const answers = session.answersFor('get-digital-id');
    answers.scheme = 'mitid';
    markChosenForCitizen(answers, 'scheme');
    expect(session.hasTyped).toBe(false);
    answers.name = 'Anna';
    expect(session.hasTyped).toBe(true);
  });

  it('is false again after reset()', () => {
    const session = new KioskSession();
    session.answersFor('complaint').name = 'Anna';
    session.reset();
    expect(session.hasTyped).toBe(false);
  });
});

describe('hasContent', () => {
  it('ignores undefined, null and empty containers', () => {
    expect([undefined, null, '', [], {}].map(hasContent)).toEqual([false, false, false, false, false]);
  });
});
