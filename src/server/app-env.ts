import type { Device, StaffSession } from './store/store.ts';

/** What the authentication middlewares put on a request's context. */
export interface AppEnv {
  Variables: {
    device?: Device;
    staff?: StaffSession;
    /** The client's address (http/client-ip.ts), behind TRUST_PROXY the one the proxy saw. */
    clientIp?: string;
  };
}
