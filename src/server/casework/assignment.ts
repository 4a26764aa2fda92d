import type { StaffRole } from '../store/store.ts';

/** Why a staff member may not make this assignment; undefined when they may. */
export type AssignmentRefusal = 'assign_self_only' | 'release_own_only';

/**
 * Who may give a case to whom. Any caseworker may take a case, also one a colleague has (the
 * colleague is ill, the citizen is at the counter now), and may give back a case they have. Only
 * an admin hands cases to others or takes them from others. Whether the assignee is an active
 * account is the caller's check.
 */
export function assignmentRefusal(
  actor: { username: string; role: StaffRole },
  assignee: string | null,
  current: string | null,
): AssignmentRefusal | undefined {
  if (actor.role === 'admin') return undefined;
  if (assignee === null) return current === null || current === actor.username ? undefined : 'release_own_only';
  return assignee === actor.username ? undefined : 'assign_self_only';
}
