import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskSession } from '#app/shared/session.svelte.ts';
import { KioskShell, UPDATE_SETTLE_MS, pageTitleKey, type KioskShellIO } from './kiosk-shell.svelte.ts';

function shellAt(path: string) {
  const router = { path, go: vi.fn((to: string) => void (router.path = to)) };
  const io = {
    router,
    loadTexts: vi.fn(async () => undefined),
    startSync: vi.fn(async () => true),
    applyUpdate: vi.fn(async (_quiet: () => boolean) => undefined),
    stopSpeech: vi.fn(),
    clearScreen: vi.fn(),
    later: vi.fn((run: () => void) => run()),
  } satisfies KioskShellIO;
  const session = new KioskSession();
  const shell = new KioskShell(() => ({ idleSeconds: 90, warningSeconds: 30 }), session, io);
  return { shell, session, io };
}

describe('KioskShell', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('knows whether the device is enrolled once the sync has started', async () => {
    const { shell } = shellAt('/');
    expect(shell.enrolled).toBeUndefined();
    await shell.start();
    expect(shell.enrolled).toBe(true);
  });

  it('loads the later texts only away from the start screen, and once', async () => {
    const start = shellAt('/');
    await start.shell.loadTexts();
    expect(start.io.loadTexts).not.toHaveBeenCalled();

    const service = shellAt('/service/complaint');
    await service.shell.loadTexts();
    await service.shell.loadTexts();
    expect(service.io.loadTexts).toHaveBeenCalledTimes(1);
    expect(service.shell.allTexts).toBe(true);
  });

  it('a citizen is present on a service screen, or on the start screen after a choice; not on /setup', () => {
    expect(shellAt('/service/complaint').shell.citizenPresent).toBe(true);
    expect(shellAt('/setup').shell.citizenPresent).toBe(false);
    const { shell, session } = shellAt('/');
    expect(shell.citizenPresent).toBe(false);
    session.largePrint = true;
    expect(shell.citizenPresent).toBe(true);
  });

  it('the idle timer runs only while a citizen is present, and its end resets the session', () => {
    const { shell, session, io } = shellAt('/service/complaint');
    session.language = 'en';
    shell.watchIdle();
    vi.advanceTimersByTime(120_000);
    expect(session.language).toBe('da');
    expect(io.router.go).toHaveBeenCalledWith('/', { replace: true });

    const setup = shellAt('/setup');
    setup.shell.watchIdle();
    vi.advanceTimersByTime(600_000);
    expect(setup.io.router.go).not.toHaveBeenCalled();
  });

  it('reset() forgets the citizen, stops speech, goes to the start screen and applies an update only there', () => {
    const { shell, session, io } = shellAt('/service/complaint');
    session.answersFor('complaint').name = 'Anna';
    shell.reset();
    expect(session.pristine).toBe(true);
    expect(io.stopSpeech).toHaveBeenCalled();
    expect(io.clearScreen).toHaveBeenCalled();
    expect(io.later).toHaveBeenCalledWith(expect.any(Function), UPDATE_SETTLE_MS);
    const [quiet] = io.applyUpdate.mock.calls[0]!;
    expect(quiet()).toBe(true);
    session.largePrint = true;
    expect(quiet()).toBe(false);
  });
});

describe('pageTitleKey', () => {
  it('names each screen', () => {
    expect(pageTitleKey({ name: 'start' })).toBe('start:title');
    expect(pageTitleKey({ name: 'service', id: 'complaint' })).toBe('services:complaint.title');
    expect(pageTitleKey({ name: 'not-found' })).toBe('common:notFound.title');
  });
});
