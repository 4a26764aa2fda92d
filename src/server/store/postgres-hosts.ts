/**
 * Connection strings with several hosts, as libpq writes them for a primary and its standbys:
 * `postgres://user:pw@h1:5432,h2:5432/db?target_session_attrs=read-write`. node-postgres takes one
 * host only, so this splits such a string into one string per host, in order; the pool
 * (postgres.ts) then uses the first host that accepts writes.
 */
export interface PostgresTargets {
  /** One connection string per host, `target_session_attrs` removed (node-postgres does not know it). */
  urls: string[];
  /** True when the string asked for a host that accepts writes, or named several hosts (ingest always writes). */
  readWrite: boolean;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)(?:([^@/?]*)@)?([^/?]*)(\/[^?]*)?(?:\?(.*))?$/;

export function parsePostgresTargets(databaseUrl: string): PostgresTargets {
  const m = URL_PARTS.exec(databaseUrl);
  if (!m) return { urls: [databaseUrl], readWrite: false };
  const [, scheme, auth, hostList = '', path = '', query = ''] = m;
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs');
  if (attrs && attrs !== 'read-write' && attrs !== 'any' && attrs !== 'primary') {
    throw new Error(`DATABASE_URL: target_session_attrs=${attrs} is not supported; use read-write`);
  }
  params.delete('target_session_attrs');
  const rest = params.toString();
  const hosts = hostList.split(',').filter((h) => h !== '');
  if (hosts.length <= 1 && !attrs) return { urls: [databaseUrl], readWrite: false };
  const urls = (hosts.length ? hosts : ['']).map((host) => `${scheme}${auth !== undefined ? `${auth}@` : ''}${host}${path}${rest ? `?${rest}` : ''}`);
  return { urls, readWrite: hosts.length > 1 || attrs === 'read-write' || attrs === 'primary' };
}
