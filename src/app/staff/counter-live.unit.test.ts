import { describe, expect, it } from 'vitest';
import { ageText, screenLabel } from './counter-live.svelte.ts';

describe('the age of a help call', () => {
  const now = Date.parse('2026-03-02T09:10:00.000Z');
  it('reads as Danish and English staff say it', () => {
    expect(ageText('2026-03-02T09:07:00.000Z', now, 'da', 'lige nu')).toBe('for 3 minutter siden');
    expect(ageText('2026-03-02T09:07:00.000Z', now, 'en', 'just now')).toBe('3 minutes ago');
    expect(ageText('2026-03-02T09:09:00.000Z', now, 'da', 'lige nu')).toBe('for 1 minut siden');
    expect(ageText('2026-03-02T07:00:00.000Z', now, 'da', 'lige nu')).toBe('for 2 timer siden');
  });
  it('says "just now" under a minute, and never shows a call from a fast kiosk clock as in the future', () => {
    expect(ageText('2026-03-02T09:09:30.000Z', now, 'da', 'lige nu')).toBe('lige nu');
    expect(ageText('2026-03-02T09:15:00.000Z', now, 'en', 'just now')).toBe('just now');
  });
});

describe('the screen a help call came from', () => {
  const t = (key: string) => ({ 'staff:counter.screens.start': 'startskærmen', 'services:complaint.title': 'Klage' })[key] ?? `⟦${key}⟧`;
  it('is named as staff know it, and an unknown route is shown as it is', () => {
    expect(screenLabel('/', t)).toBe('startskærmen');
    expect(screenLabel('/service/complaint', t)).toBe('Klage');
    expect(screenLabel('/service/unknown', t)).toBe('/service/unknown');
    expect(screenLabel('/tilgaengelighed', t)).toBe('/tilgaengelighed');
  });
});
