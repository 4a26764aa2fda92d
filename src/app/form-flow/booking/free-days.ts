import type { BookableDay } from '#domain/slots.ts';

/** What the server answers for a slot with a free seat. */
export interface FreeSlot {
  slot: string;
  free: number;
}

/**
 * The server's free slots as the slot field shows them (days, each with its times), kept only where
 * the kiosk's own computation also offers them: a time that has started since the answer came, or
 * a day the kiosk's configuration closes, is not offered.
 */
export function freeDaysOf(slots: readonly FreeSlot[], local: readonly BookableDay[]): BookableDay[] {
  const localTimes = new Map(local.map((d) => [d.date, new Set(d.times)]));
  const days: BookableDay[] = [];
  for (const { slot, free } of slots) {
    const date = slot.slice(0, 10);
    const time = slot.slice(11);
    if (free < 1 || !localTimes.get(date)?.has(time)) continue;
    const last = days.at(-1);
    if (last?.date === date) last.times.push(time);
    else days.push({ date, times: [time] });
  }
  return days;
}
