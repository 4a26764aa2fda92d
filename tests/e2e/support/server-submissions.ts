import { SERVER_ADMIN } from './server-process.ts';

/** One row of GET /api/v1/staff/submissions (wire contract v1). */
export interface StoredSubmission {
  id: string;
  reference: string;
  type: string;
  status: string;
  createdAt: string;
  deviceId: string;
}

export interface ServerHoldings {
  total: number;
  submissions: StoredSubmission[];
  /** How many rows each reference has: every value must be 1. */
  copiesByReference: Map<string, number>;
}

/**
 * What the server holds, read the way staff read it: log in (POST /api/v1/staff/login), then list
 * (GET /api/v1/staff/submissions). Asked of the server directly, not through the chaos proxy.
 */
export async function serverHoldings(serverUrl: string): Promise<ServerHoldings> {
  const login = await fetch(`${serverUrl}/api/v1/staff/login`, {
    method: 'POST',
    // The server refuses state-changing staff requests without its own origin (http/same-origin.ts).
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify(SERVER_ADMIN),
  });
  if (!login.ok) throw new Error(`server-submissions: login answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  // The list is paged (500 rows by default): read every page.
  const body: { submissions: StoredSubmission[]; total: number } = { submissions: [], total: 0 };
  do {
    const list = await fetch(`${serverUrl}/api/v1/staff/submissions?limit=500&offset=${body.submissions.length}`, { headers: { cookie } });
    if (!list.ok) throw new Error(`server-submissions: list answered ${list.status}: ${await list.text()}`);
    const page = (await list.json()) as { submissions: StoredSubmission[]; total: number };
    body.total = page.total;
    body.submissions.push(...page.submissions);
    if (page.submissions.length === 0) break;
  } while (body.submissions.length < body.total);
  await fetch(`${serverUrl}/api/v1/staff/logout`, { method: 'POST', headers: { cookie, origin: serverUrl } });
  const copiesByReference = new Map<string, number>();
  for (const row of body.submissions) copiesByReference.set(row.reference, (copiesByReference.get(row.reference) ?? 0) + 1);
  return { total: body.total, submissions: body.submissions, copiesByReference };
}

/** How many copies of each of these references the server holds (0 for one it lacks). */
export async function copiesOf(serverUrl: string, references: string[]): Promise<number[]> {
  const { copiesByReference } = await serverHoldings(serverUrl);
  return references.map((reference) => copiesByReference.get(reference) ?? 0);
}
