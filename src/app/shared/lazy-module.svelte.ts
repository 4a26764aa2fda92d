/**
 * A module loaded with import() once per page, for a screen to render when it is there.
 *
 * Why not `{#await import(…) then m}`: Svelte (5.57) sets an await block's value with the block's
 * effect as the active reaction, and outside an effect run it then keeps each such write in a
 * list that is never emptied (its untracked writes). The kiosk awaited two screens per citizen,
 * so every session left two sources, each holding its module and the effects around it, in the
 * heap for the life of the page (the endurance figure's leak). Here the module is set once, from a
 * plain promise callback, and every later mount reads it at once.
 */
export class LazyModule<T> {
  current = $state<T | undefined>();
  #loading: Promise<T> | undefined;
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** Starts loading unless it is loaded or loading; a failed load (say, offline without the chunk) is tried again next time. */
  load(): Promise<T> {
    this.#loading ??= this.#load().then(
      (module) => (this.current = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}
