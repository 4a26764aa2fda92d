/**
 * Focuses the screen's heading (`main h1`) so that a screen reader starts there, as after a page
 * load. Screens may load their code and texts on demand, so the heading can appear a few frames
 * later: it looks once per frame, `frames` times (60: about a second). Someone who has moved the
 * focus themselves meanwhile (tabbed to Finish on a slow kiosk) keeps it: taken back, their next
 * Enter would land on the heading and do nothing. `since`: what had the focus when the screen
 * changed, for a caller that first loads this module.
 */
export async function focusHeading(frames = 1, since: Element | null = document.activeElement): Promise<void> {
  // Svelte draws a change in a microtask queued with it: this one runs after it. (Not svelte's
  // tick(): the kit's helper stays out of the runtime's chunk, which keeps the start screen small.)
  await Promise.resolve();
  for (let frame = 0; frame < frames; frame++) {
    const now = document.activeElement;
    if (now && now !== since && now !== document.body) return;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
      return;
    }
    if (frame + 1 < frames) await new Promise(requestAnimationFrame);
  }
}

/** Brings a form field into the middle of the screen and focuses it (an error summary's link). */
export function focusField(id: string): void {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}
