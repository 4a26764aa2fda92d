import { ruleOn } from '#domain/rules/dated.ts';
import { witnessLimit, type WitnessLimit } from '#domain/rules/witness.ts';

/** What the back office shows about a case's witness: how often the register has seen them. */
export interface WitnessCheck {
  /** Cases with this witness in the window ending on this case's creation, this one included. */
  seen: number;
  times: number;
  withinDays: number;
  /** More than the rule allows: the caseworker checks before accepting the witness. */
  flagged: boolean;
}

/**
 * The witness limit in force on the day the case was made (a Date counts as its Copenhagen date);
 * undefined before the rule existed (NemID had no such limit) or for a date that is no date.
 */
export function witnessLimitOn(createdAt: Date): WitnessLimit | undefined {
  try {
    return ruleOn(witnessLimit, createdAt);
  } catch {
    return undefined;
  }
}

/** The first instant of the window that counts for a case created at `createdAt`: `withinDays` days before it. */
export function witnessWindowStart(createdAt: Date, withinDays: number): string {
  return new Date(createdAt.getTime() - withinDays * 86_400_000).toISOString();
}

export function witnessCheck(seen: number, limit: WitnessLimit): WitnessCheck {
  return { seen, times: limit.times, withinDays: limit.withinDays, flagged: seen > limit.times };
}
