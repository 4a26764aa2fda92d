import type { EnrollResponse } from '#contract/v1.ts';
import { startTestServer, type TestServer } from './harness.ts';

/** The staff-credential tests' world: a server, two tablets, a kiosk and the first admin signed in. */
export interface TabletWorld {
  server: TestServer;
  tablet: EnrollResponse;
  otherTablet: EnrollResponse;
  kiosk: EnrollResponse;
  admin: string;
}

export const STAFF_PASSWORD = 'a long staff password';

export async function startTabletWorld(): Promise<TabletWorld> {
  const server = await startTestServer();
  return {
    server,
    tablet: await server.enroll('Tablet 1', 'tablet'),
    otherTablet: await server.enroll('Tablet 2', 'tablet'),
    kiosk: await server.enroll('Kiosk 1', 'kiosk'),
    admin: await server.login(),
  };
}
