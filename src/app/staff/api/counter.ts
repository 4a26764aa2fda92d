import type { HelpCall, QueueTicket, Waiting } from '#contract/counter.ts';
import { call, post, segment, STAFF_BASE } from './http.ts';

/** The counter: help calls from kiosks, today's queue, and the live stream of both. */

export const STAFF_EVENTS_URL = `${STAFF_BASE}/events`;

// The live views' reads come when the server's events say so, not when someone acts: background.
export const listHelpCalls = () => call<{ helpCalls: HelpCall[]; now: string }>('help-calls.list', '/help-calls', {}, { background: true });
export const handleHelpCall = (id: string) => call<HelpCall>('help-calls.handle', `/help-calls/${segment(id)}/handle`, post());
export const listWaiting = () => call<Waiting>('waiting.list', '/waiting', {}, { background: true });
export const callNext = () => call<QueueTicket>('waiting.call-next', '/waiting/call-next', post());
