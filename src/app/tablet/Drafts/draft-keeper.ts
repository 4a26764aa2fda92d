/**
 * The one draft being edited on screen, so that locking can save it first. The screen registers
 * a `save` that encrypts what is typed now; lock() awaits it before the drafts key is forgotten.
 */
type Save = () => Promise<void>;

let current: Save | undefined;

/** Registers the screen's save; the returned function unregisters it (when the screen goes). */
export function keepDraft(save: Save): () => void {
  current = save;
  return () => {
    if (current === save) current = undefined;
  };
}

/** Saves the draft on screen, if any. Never throws: a failed save is shown by the screen itself. */
export async function saveDraftNow(): Promise<void> {
  try {
    await current?.();
  } catch (error) {
    console.error('tablet: could not save the draft before locking', error instanceof Error ? error.name : typeof error);
  }
}
