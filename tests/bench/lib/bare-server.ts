// The limit for figure 4: a bare Node HTTP handler that stores the same rows the sync server
// stores for an envelope (a `submissions` row and its `submission_events` row, same columns, same
// keys, content hash included) in SQLite with the server's pragmas (WAL, synchronous=FULL), one
// transaction per envelope as the server does, through prepared better-sqlite3 statements. No
// framework, no auth, no schema check, no decryption: what is left is HTTP + JSON + the database.
// Run as a child process by ingest.ts: PORT and DATA_DIR in the environment. BARE_COMMIT=batch
// commits once per request instead (group commit): how much of the limit is the per-envelope fsync.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Envelope } from '#contract/v1.ts';
import { envelopeContentHash } from '#server/ingest/parse-envelope.ts';

const db = new Database(join(process.env.DATA_DIR!, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`
  CREATE TABLE submissions (id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
    created_at TEXT NOT NULL, kid TEXT NOT NULL, iv TEXT NOT NULL, wrapped_key TEXT NOT NULL, ciphertext TEXT NOT NULL,
    content_hash TEXT NOT NULL, device_id TEXT NOT NULL, received_at TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX submissions_status_type ON submissions (status, type);
  CREATE INDEX submissions_received_at ON submissions (received_at);
  CREATE TABLE submission_events (id TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id), at TEXT NOT NULL,
    from_status TEXT, to_status TEXT NOT NULL, note TEXT);
`);
const insertSubmission = db.prepare(`INSERT INTO submissions VALUES (@id, @reference, @type, @schemaVersion, @createdAt, @kid, @iv, @wrappedKey,
  @ciphertext, @contentHash, 'bare-device', @at, 'received', @at) ON CONFLICT DO NOTHING`);
const insertEvent = db.prepare(`INSERT INTO submission_events VALUES (?, ?, ?, NULL, 'received', NULL)`);
const store = db.transaction((e: Envelope, at: string) => {
  const { changes } = insertSubmission.run({ ...e, contentHash: envelopeContentHash(e), at });
  if (changes === 1) insertEvent.run(randomUUID(), e.id, at);
  return changes === 1 ? 'stored' : 'duplicate';
});

const perBatch = process.env.BARE_COMMIT === 'batch';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { submissions } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { submissions: Envelope[] };
    const at = new Date().toISOString();
    const storeAll = () => submissions.map((e) => ({ id: e.id, status: store(e, at), reference: e.reference }));
    // better-sqlite3 nests an inner transaction as a savepoint: one commit (one fsync) for the batch.
    const results = perBatch ? db.transaction(storeAll)() : storeAll();
    const body = JSON.stringify({ results });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => (db.close(), process.exit(0))));
