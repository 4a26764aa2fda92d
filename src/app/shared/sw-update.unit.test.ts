import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A registration with a waiting version under an active one, as Chromium hands them to the page. */
function fakeContainer() {
  const messages: string[] = [];
  let onControllerChange: (() => void) | undefined;
  const worker = (name: string, answers: boolean) => ({
    postMessage(data: { type: string }, ports: MessagePort[] = []) {
      messages.push(`${name}:${data.type}`);
      if (answers) ports[0]?.postMessage('awake');
    },
  });
  const container = {
    controller: worker('active', true),
    getRegistration: async () => ({ waiting: worker('waiting', false) }),
    addEventListener: (_type: string, listener: () => void) => (onControllerChange = listener),
  };
  return { container: container as unknown as ServiceWorkerContainer, messages, takeOver: () => onControllerChange?.() };
}

describe('applyWaitingUpdate', () => {
  const reload = vi.fn();
  beforeEach(() => {
    vi.resetModules();
    reload.mockReset();
    vi.stubGlobal('location', { reload });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('wakes the active worker before the waiting one is told to take over', async () => {
    const { applyWaitingUpdate } = await import('./sw-update.ts');
    const { container, messages } = fakeContainer();
    await applyWaitingUpdate(() => true, container);
    expect(messages).toEqual(['active:WAKE', 'waiting:SKIP_WAITING']);
  });

  it('still asks for the new version when the active worker does not answer', async () => {
    vi.useFakeTimers();
    const { applyWaitingUpdate } = await import('./sw-update.ts');
    const { container, messages } = fakeContainer();
    (container.controller as unknown as { postMessage: (d: { type: string }) => void }).postMessage = (d) => messages.push(`active:${d.type}`);
    const applying = applyWaitingUpdate(() => true, container);
    await vi.advanceTimersByTimeAsync(2000);
    await applying;
    vi.useRealTimers();
    expect(messages).toEqual(['active:WAKE', 'waiting:SKIP_WAITING']);
  });

  it('reloads when the new version takes over while the page is quiet', async () => {
    const { applyWaitingUpdate } = await import('./sw-update.ts');
    const { container, takeOver } = fakeContainer();
    await applyWaitingUpdate(() => true, container);
    expect(reload).not.toHaveBeenCalled();
    takeOver();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload in front of someone: the next call reloads instead', async () => {
    const { applyWaitingUpdate } = await import('./sw-update.ts');
    const { container, takeOver } = fakeContainer();
    let citizenHere = false;
    await applyWaitingUpdate(() => !citizenHere, container);
    citizenHere = true;
    takeOver();
    expect(reload).not.toHaveBeenCalled();
    await applyWaitingUpdate(() => true, { getRegistration: async () => undefined } as unknown as ServiceWorkerContainer);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing while someone is using the page', async () => {
    const { applyWaitingUpdate } = await import('./sw-update.ts');
    const { container, messages } = fakeContainer();
    await applyWaitingUpdate(() => false, container);
    expect(messages).toEqual([]);
  });

  it('does nothing without a waiting version', async () => {
    const { applyWaitingUpdate } = await import('./sw-update.ts');
    const { container, messages } = fakeContainer();
    container.getRegistration = async () => ({ waiting: null }) as unknown as ServiceWorkerRegistration;
    await applyWaitingUpdate(() => true, container);
    expect(messages).toEqual([]);
  });
});
