import type { Device, StaffSession } from './store/store.ts';

/** What the authentication middlewares put on a request's context. */
export interface AppEnv {
  Variables: {
    device?: Device;
    staff?: StaffSession;
  };
}
