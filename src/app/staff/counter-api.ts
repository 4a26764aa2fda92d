import { StaffApiError } from './api.ts';

/** The back office's calls for the counter: help calls from kiosks and today's queue. */

export interface HelpCall {
  id: string;
  deviceId: string;
  deviceName: string;
  route: string;
  calledAt: string;
  receivedAt: string;
  handledAt: string | null;
  handledBy: string | null;
}

export interface QueueTicket {
  id: string;
  deviceId: string;
  deviceName: string;
  day: string;
  number: number;
  createdAt: string;
  calledAt: string | null;
  calledBy: string | null;
}

export interface Waiting {
  day: string;
  now: string;
  tickets: QueueTicket[];
  helpCalls: HelpCall[];
}

export const STAFF_EVENTS_URL = '/api/v1/staff/events';

async function call<T>(operation: string, path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const response = await fetch(`/api/v1/staff${path}`, { method, credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
    throw new StaffApiError(operation, response.status, body?.error?.code ?? 'unknown');
  }
  return (await response.json()) as T;
}

export const listHelpCalls = () => call<{ helpCalls: HelpCall[]; now: string }>('help-calls.list', '/help-calls');
export const handleHelpCall = (id: string) => call<HelpCall>('help-calls.handle', `/help-calls/${encodeURIComponent(id)}/handle`, 'POST');
export const listWaiting = () => call<Waiting>('waiting.list', '/waiting');
export const callNext = () => call<QueueTicket>('waiting.call-next', '/waiting/call-next', 'POST');
