import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Envelope } from '#contract/v1.ts';
import type { Database } from './schema.ts';
import { lockBatchKeys } from './ingest-locks.ts';
import { insertSearchDigests, sortColumn, whereSearch } from '../search/search-query.ts';
import { INDEXED_MARKER } from '../search/search-table.ts';
import type { SearchDigest } from '../search/blind-index.ts';
import { refundAttempt, reserveAttempt, sweepAttempts, type DelayPolicy, type ThrottleDb } from './attempt-throttle.ts';
import type { DeviceReport } from '#contract/device-report.ts';
import { CounterStore } from './counter-store.ts';
import { listDeviceReports, pingDatabase, saveDeviceReport } from './device-reports.ts';
import * as secondFactors from './second-factors.ts';
import * as accounts from './staff-accounts.ts';
import { saveStaffCredential, staffCredentialByHash } from './staff-credentials.ts';
import type {
  AuditEntry,
  AuditFilter,
  AuditSubject,
  Device,
  DisableUserOutcome,
  DeviceKind,
  EnrolmentCode,
  EnrolmentCodeClaim,
  EnrolmentCodeInfo,
  EnrolmentVia,
  InsertOutcome,
  NewSubmission,
  StaffRole,
  StaffSession,
  StaffUser,
  StorageKind,
  Store,
  StoredAuditEntry,
  StoredServerKey,
  SubmissionEvent,
  SubmissionFilter,
  SubmissionRecord,
  SubmissionStatus,
  SubmissionSummary,
  TransitionOutcome,
} from './store.ts';

type Row<T extends keyof Database> = Selectable<Database[T]>;

const toKey = (r: Row<'key_pairs'>): StoredServerKey => ({
  kid: r.kid,
  algorithm: r.algorithm,
  publicJwk: JSON.parse(r.public_jwk) as JsonWebKey,
  sealedPrivateKey: r.sealed_private_key,
  createdAt: r.created_at,
});

const RSA = 'RSA-OAEP-256';

const toDevice = (r: Row<'devices'>): Device => ({
  id: r.id,
  name: r.name,
  kind: r.kind as DeviceKind,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

type SummaryRow = Pick<
  Row<'submissions'>,
  'id' | 'reference' | 'type' | 'schema_version' | 'status' | 'created_at' | 'received_at' | 'device_id' | 'assisted' | 'assisted_by' | 'assignee' | 'assisted_by_disabled'
> & {
  device_name: string;
  device_kind: string;
};

const toSummary = (r: SummaryRow): SubmissionSummary => ({
  id: r.id,
  reference: r.reference,
  type: r.type,
  schemaVersion: r.schema_version,
  status: r.status as SubmissionStatus,
  createdAt: r.created_at,
  receivedAt: r.received_at,
  deviceId: r.device_id,
  deviceName: r.device_name,
  deviceKind: r.device_kind as DeviceKind,
  assisted: r.assisted === null ? null : r.assisted === 1,
  assistedBy: r.assisted_by,
  assignee: r.assignee,
  assistedByDisabled: r.assisted_by_disabled === 1,
});

const toEnrolmentCodeInfo = (r: Row<'enrolment_codes'>): EnrolmentCodeInfo => ({
  id: r.id!,
  label: r.label,
  kind: r.kind as DeviceKind | null,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  maxUses: r.max_uses,
  uses: r.uses,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

const summaryColumns = [
  'submissions.id',
  'submissions.reference',
  'submissions.type',
  'submissions.schema_version',
  'submissions.status',
  'submissions.created_at',
  'submissions.received_at',
  'submissions.device_id',
  'submissions.assisted',
  'submissions.assisted_by',
  'submissions.assignee',
  'submissions.assisted_by_disabled',
  'devices.name as device_name',
  'devices.kind as device_kind',
] as const;

/** Every audit entry goes through here, inside the transaction of the change it records. */
async function insertAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: randomUUID(), at: entry.at, actor: entry.actor, action: entry.action, target: entry.target, detail: JSON.stringify(entry.detail) })
    .execute();
}

type Probe = { id: string; reference: string; contentHash: string; deviceId: string };
type StoredKeys = { id: string; reference: string; content_hash: string; device_id: string };

/**
 * How an envelope relates to the stored rows that share its id, or its reference from the same
 * device (migration 009): another device's row under the same reference is no clash, so no device
 * can make another's request a `conflict` by storing first under a reference read off a receipt.
 */
function outcomeAmong(rows: readonly StoredKeys[], { id, reference, contentHash, deviceId }: Probe) {
  const related = rows.filter((r) => r.id === id || (r.reference === reference && r.device_id === deviceId));
  if (related.length === 0) return undefined;
  const sameId = related.find((r) => r.id === id);
  // Identical bytes under the same id: the device resent what we hold (its ack was lost).
  return sameId && sameId.content_hash === contentHash ? ('duplicate' as const) : ('conflict' as const);
}

/** How envelopes relate to what is stored, without writing (see Store.existingOutcome), in one query. */
async function classifyAll(db: Kysely<Database> | Transaction<Database>, probes: readonly Probe[]) {
  if (probes.length === 0) return [];
  const rows = await db
    .selectFrom('submissions')
    .select(['id', 'reference', 'content_hash', 'device_id'])
    .where((eb) => eb.or([eb('id', 'in', probes.map((p) => p.id)), eb('reference', 'in', probes.map((p) => p.reference))]))
    .execute();
  return probes.map((p) => outcomeAmong(rows, p));
}

async function classify(db: Kysely<Database> | Transaction<Database>, id: string, reference: string, contentHash: string, deviceId: string) {
  const [outcome] = await classifyAll(db, [{ id, reference, contentHash, deviceId }]);
  return outcome;
}

/** One submission and its `received` event, inside the caller's transaction. */
async function insertOne(trx: Transaction<Database>, s: NewSubmission): Promise<InsertOutcome> {
  const e = s.envelope;
  // ON CONFLICT DO NOTHING covers both unique keys (id; device and reference). On PostgreSQL it waits for a
  // concurrent insert of the same key to commit, so two processes never both answer `stored`.
  const row = await trx
    .insertInto('submissions')
    .values({
      id: e.id,
      reference: e.reference,
      type: e.type,
      schema_version: e.schemaVersion,
      created_at: e.createdAt,
      kid: e.kid,
      iv: e.iv,
      wrapped_key: e.wrappedKey,
      ciphertext: e.ciphertext,
      content_hash: s.contentHash,
      device_id: s.deviceId,
      received_at: s.receivedAt,
      status: 'received',
      updated_at: s.receivedAt,
      ...(s.assisted ? { assisted: s.assisted.assisted ? 1 : 0, assisted_by: s.assisted.assistedBy, assisted_by_disabled: s.assisted.assistedByDisabled ? 1 : null } : {}),
      ...(s.witnessHash ? { witness_hash: s.witnessHash } : {}),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) {
    await trx
      .insertInto('submission_events')
      .values({ id: randomUUID(), submission_id: e.id, at: s.receivedAt, from_status: null, to_status: 'received', note: null, actor: `device:${s.deviceId}` })
      .execute();
    if (s.searchDigests) await insertSearchDigests(trx, e.id, s.searchDigests);
    return 'stored';
  }
  // The clash is committed (or ours, earlier in this batch), so the row is there to read. Only
  // retention deletes rows, and only rows older than any device keeps unsent.
  const outcome = await classify(trx, e.id, e.reference, s.contentHash, s.deviceId);
  if (!outcome) throw new Error(`store.insertSubmission: ${e.id} conflicted but no row was found`);
  return outcome;
}

/** Who did something when no staff member did: the start-up admin, the CLI. */
const SYSTEM_ACTOR = 'system';

/** The one Store implementation; the dialect (sqlite.ts, postgres.ts) is the only difference. */
export class KyselyStore implements Store {
  constructor(
    readonly kind: StorageKind,
    private readonly db: Kysely<Database>,
  ) {}

  get counter(): CounterStore {
    return new CounterStore(this.db);
  }

  async activeServerKey(algorithm = RSA) {
    const row = await this.db.selectFrom('key_pairs').selectAll().where('algorithm', '=', algorithm).where('current', '=', 1).executeTakeFirst();
    return row && toKey(row);
  }

  async addServerKeyIfNoneActive(key: StoredServerKey) {
    await this.db
      .insertInto('key_pairs')
      .values({
        kid: key.kid,
        algorithm: key.algorithm,
        public_jwk: JSON.stringify(key.publicJwk),
        sealed_private_key: key.sealedPrivateKey,
        current: 1,
        created_at: key.createdAt,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const active = await this.activeServerKey(key.algorithm);
    if (!active) throw new Error('store.addServerKeyIfNoneActive: no active key after insert');
    return active;
  }

  async serverKey(kid: string) {
    const row = await this.db.selectFrom('key_pairs').selectAll().where('kid', '=', kid).executeTakeFirst();
    return row && toKey(row);
  }

  async serverKeys() {
    const rows = await this.db.selectFrom('key_pairs').selectAll().orderBy('created_at').orderBy('kid').execute();
    return rows.map((r) => ({ ...toKey(r), current: r.current === 1 }));
  }

  async resealServerKeys(sealed: readonly { kid: string; sealedPrivateKey: string }[], at: string, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      for (const key of sealed) {
        const updated = await trx.updateTable('key_pairs').set({ sealed_private_key: key.sealedPrivateKey }).where('kid', '=', key.kid).executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new Error(`store.resealServerKeys: no key ${key.kid}`);
      }
      await insertAudit(trx, { at, actor, action: 'rotate_key_encryption_key', target: null, detail: { keys: sealed.length } });
    });
  }

  async rotateServerKey(key: StoredServerKey, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      const former = await trx.selectFrom('key_pairs').select('kid').where('algorithm', '=', key.algorithm).where('current', '=', 1).executeTakeFirst();
      await trx.updateTable('key_pairs').set({ current: null }).where('algorithm', '=', key.algorithm).where('current', '=', 1).execute();
      await trx
        .insertInto('key_pairs')
        .values({ kid: key.kid, algorithm: key.algorithm, public_jwk: JSON.stringify(key.publicJwk), sealed_private_key: key.sealedPrivateKey, current: 1, created_at: key.createdAt })
        .execute();
      await insertAudit(trx, { at: key.createdAt, actor, action: 'rotate_server_key', target: key.kid, detail: { algorithm: key.algorithm, former: former?.kid ?? null } });
    });
  }

  async createDevice(device: Device, tokenHash: string, via: EnrolmentVia = 'env_code', enrolmentCodeId?: string) {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('devices')
        .values({
          id: device.id,
          name: device.name,
          kind: device.kind,
          token_hash: tokenHash,
          created_at: device.createdAt,
          revoked_at: device.revokedAt,
        })
        .execute();
      await insertAudit(trx, { at: device.createdAt, actor: `device:${device.id}`, action: 'enrol_device', target: device.id, detail: { kind: device.kind, via, ...(enrolmentCodeId ? { code: enrolmentCodeId } : {}) } });
    });
  }

  async deviceByTokenHash(tokenHash: string) {
    const row = await this.db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toDevice(row);
  }

  async listDevices() {
    const rows = await this.db.selectFrom('devices').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toDevice);
  }

  async revokeDevice(id: string, at: string, actor = SYSTEM_ACTOR) {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('devices')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await insertAudit(trx, { at, actor, action: 'revoke_device', target: id, detail: {} });
      return true;
    });
  }

  async existingOutcome(id: string, reference: string, contentHash: string, deviceId: string) {
    return classify(this.db, id, reference, contentHash, deviceId);
  }

  async existingOutcomes(envelopes: readonly Probe[]) {
    return classifyAll(this.db, envelopes);
  }

  async insertSubmission(s: NewSubmission): Promise<InsertOutcome> {
    const [outcome] = await this.insertSubmissions([s]);
    return outcome!;
  }

  async insertSubmissions(batch: readonly NewSubmission[]): Promise<InsertOutcome[]> {
    if (batch.length === 0) return [];
    // Items go in one after another inside the transaction: a later item sees an earlier one, and
    // ON CONFLICT turns every clash into an outcome, not an error, so no item's answer depends on
    // another's. Anything else that fails (the disk, the connection) rolls back the whole batch.
    return this.db.transaction().execute(async (trx) => {
      if (this.kind === 'postgres') await lockBatchKeys(trx, batch.map((s) => s.envelope));
      const outcomes: InsertOutcome[] = [];
      for (const s of batch) outcomes.push(await insertOne(trx, s));
      return outcomes;
    });
  }

  async listSubmissions(filter: SubmissionFilter) {
    let query = this.db.selectFrom('submissions').innerJoin('devices', 'devices.id', 'submissions.device_id');
    if (filter.status) query = query.where('submissions.status', '=', filter.status);
    if (filter.type) query = query.where('submissions.type', '=', filter.type);
    if (filter.createdFrom) query = query.where('submissions.created_at', '>=', filter.createdFrom);
    if (filter.createdBefore) query = query.where('submissions.created_at', '<', filter.createdBefore);
    if (filter.deviceId) query = query.where('submissions.device_id', '=', filter.deviceId);
    if (filter.deviceKind) query = query.where('devices.kind', '=', filter.deviceKind);
    query = whereSearch(query, filter);
    if (filter.assignee !== undefined) query = query.where('submissions.assignee', filter.assignee === null ? 'is' : '=', filter.assignee);
    const counted = await query.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    let page = query.select(summaryColumns).orderBy(sortColumn[filter.sort?.key ?? 'receivedAt'], filter.sort?.direction ?? 'desc').orderBy('submissions.id');
    if (filter.limit !== undefined) page = page.limit(filter.limit);
    if (filter.offset !== undefined) page = page.offset(filter.offset);
    const rows = await page.execute();
    return { submissions: rows.map(toSummary), total: Number(counted.n) };
  }

  async unindexedSubmissionIds(limit: number) {
    const rows = await this.db.selectFrom('submissions').select('id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('submission_search').select('submission_search.submission_id')
        .whereRef('submission_search.submission_id', '=', 'submissions.id').where('submission_search.kind', '=', INDEXED_MARKER))))
      .orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async addSearchDigests(id: string, digests: readonly SearchDigest[]) {
    await this.db.transaction().execute((trx) => insertSearchDigests(trx, id, digests));
  }

  async submissionTypes() {
    const rows = await this.db.selectFrom('submissions').select('type').distinct().orderBy('type').execute();
    return rows.map((r) => r.type);
  }

  async submission(id: string): Promise<SubmissionRecord | undefined> {
    const r = await this.db
      .selectFrom('submissions')
      .innerJoin('devices', 'devices.id', 'submissions.device_id')
      .selectAll('submissions')
      .select(['devices.name as device_name', 'devices.kind as device_kind'])
      .where('submissions.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    const envelope: Envelope = {
      id: r.id,
      reference: r.reference,
      type: r.type,
      schemaVersion: r.schema_version,
      createdAt: r.created_at,
      kid: r.kid,
      iv: r.iv,
      wrappedKey: r.wrapped_key,
      ciphertext: r.ciphertext,
    };
    return { ...toSummary(r), envelope, contentHash: r.content_hash };
  }

  async history(id: string): Promise<SubmissionEvent[]> {
    const rows = await this.db
      .selectFrom('submission_events')
      .select(['at', 'from_status', 'to_status', 'note', 'actor'])
      .where('submission_id', '=', id)
      .orderBy('at')
      .execute();
    return rows.map((r) => ({
      at: r.at,
      from: r.from_status as SubmissionStatus | null,
      to: r.to_status as SubmissionStatus,
      note: r.note,
      actor: r.actor,
    }));
  }

  async transitionSubmission(
    id: string,
    to: SubmissionStatus,
    allowedFrom: readonly SubmissionStatus[],
    event: { at: string; note: string | null; actor: string },
  ): Promise<TransitionOutcome> {
    return this.db.transaction().execute(async (trx): Promise<TransitionOutcome> => {
      const current = await trx
        .selectFrom('submissions')
        .innerJoin('devices', 'devices.id', 'submissions.device_id')
        .select(summaryColumns)
        .where('submissions.id', '=', id)
        .executeTakeFirst();
      if (!current) return { ok: false, reason: 'not_found' };
      const from = current.status as SubmissionStatus;
      if (!allowedFrom.includes(from)) return { ok: false, reason: 'not_allowed', status: from };
      // Compare-and-set on the status: of two staff members acting at once, one wins and one gets 409.
      const updated = await trx
        .updateTable('submissions')
        .set({ status: to, updated_at: event.at })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        const now = await trx.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        return { ok: false, reason: 'not_allowed', status: now.status as SubmissionStatus };
      }
      await trx
        .insertInto('submission_events')
        .values({ id: randomUUID(), submission_id: id, at: event.at, from_status: from, to_status: to, note: event.note, actor: event.actor })
        .execute();
      // The note stays in the history only: caseworkers write free text, which may name the citizen.
      await insertAudit(trx, { at: event.at, actor: event.actor, action: 'transition', target: id, detail: { from, to, note: event.note !== null } });
      return { ok: true, submission: toSummary({ ...current, status: to }) };
    });
  }

  async assignSubmission(id: string, assignee: string | null, at: string, actor: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('submissions').select('assignee').where('id', '=', id).executeTakeFirst();
      if (!before) return false;
      await trx.updateTable('submissions').set({ assignee, updated_at: at }).where('id', '=', id).execute();
      await insertAudit(trx, { at, actor, action: 'assign_submission', target: id, detail: { previousAssignee: before.assignee, assignee } });
      return true;
    });
  }

  async addNote(id: string, event: { at: string; note: string; actor: string }): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirst();
      if (!current) return false;
      await trx
        .insertInto('submission_events')
        .values({ id: randomUUID(), submission_id: id, at: event.at, from_status: current.status, to_status: current.status, note: event.note, actor: event.actor })
        .execute();
      await insertAudit(trx, { at: event.at, actor: event.actor, action: 'add_note', target: id, detail: { status: current.status } });
      return true;
    });
  }

  async submissionIdByReference(reference: string) {
    return (await this.db.selectFrom('submissions').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
  }

  async witnessSightings(id: string, since: (createdAt: string) => string) {
    const own = await this.db.selectFrom('submissions').select(['witness_hash', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!own?.witness_hash) return undefined;
    const counted = await this.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('witness_hash', '=', own.witness_hash)
      .where('created_at', '>=', since(own.created_at))
      .where('created_at', '<=', own.created_at)
      .executeTakeFirstOrThrow();
    return { seen: Number(counted.n), createdAt: own.created_at };
  }

  async createUser(user: StaffUser, actor = SYSTEM_ACTOR) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({ id: user.id, username: user.username, password_hash: user.passwordHash, role: user.role, created_at: user.createdAt })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await insertAudit(trx, { at: user.createdAt, actor, action: 'create_user', target: user.username, detail: { role: user.role } });
      return true;
    });
  }

  async userByUsername(username: string) {
    const r = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return r && { id: r.id, username: r.username, role: r.role as StaffRole, passwordHash: r.password_hash, createdAt: r.created_at, ...(r.disabled_at ? { disabledAt: r.disabled_at } : {}), ...(Number(r.must_change_password) === 1 ? { mustChangePassword: true } : {}) };
  }

  async listUsers() {
    const rows = await this.db.selectFrom('users').select(['username', 'role', 'created_at', 'disabled_at', 'disabled_by']).orderBy('username').execute();
    return rows.map((r) => ({ username: r.username, role: r.role as StaffRole, createdAt: r.created_at, disabledAt: r.disabled_at, disabledBy: r.disabled_by }));
  }

  async upsertSsoUser(user: StaffUser): Promise<StaffUser> {
    await this.createUser(user, 'system:sso');
    await this.db.updateTable('users').set({ role: user.role }).where('username', '=', user.username).where('role', '<>', user.role).execute();
    return (await this.userByUsername(user.username))!;
  }

  async endSessionsOfUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async disableUser(username: string, at: string, actor: string): Promise<DisableUserOutcome> {
    return this.db.transaction().execute(async (trx): Promise<DisableUserOutcome> => {
      const user = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
      if (!user) return 'not_found';
      if (user.role === 'admin') {
        const admins = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
          .where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirstOrThrow();
        if (Number(admins.n) <= 1) return 'last_admin';
      }
      const updated = await trx.updateTable('users').set({ disabled_at: at, disabled_by: actor }).where('id', '=', user.id).where('disabled_at', 'is', null).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return 'not_found';
      // Logged out everywhere at once: a leaver's open browser must not keep reading submissions.
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await insertAudit(trx, { at, actor, action: 'disable_user', target: username, detail: { role: user.role } });
      return 'disabled';
    });
  }

  async createSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string, audit?: AuditEntry) {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt }).execute();
      if (audit) await insertAudit(trx, audit);
    });
  }

  async sessionByTokenHash(tokenHash: string, now: string): Promise<StaffSession | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id as userId', 'users.username', 'users.role', 'users.must_change_password', 'sessions.expires_at', 'sessions.created_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    return r && { userId: r.userId, username: r.username, role: r.role as StaffRole, expiresAt: r.expires_at, createdAt: r.created_at, mustChangePassword: Number(r.must_change_password) === 1 };
  }

  async deleteSession(tokenHash: string, audit?: AuditEntry) {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
      if (audit) await insertAudit(trx, audit);
    });
  }

  async deleteExpiredSessions(now: string) {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  async appendAudit(entry: AuditEntry) {
    await insertAudit(this.db, entry);
  }

  private auditQuery(filter: AuditFilter) {
    let query = this.db.selectFrom('audit_log');
    if (filter.target) query = query.where('target', '=', filter.target);
    if (filter.actor) query = query.where('actor', '=', filter.actor);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.before) query = query.where('at', '<', filter.before);
    return query;
  }

  async countAudit(filter: AuditFilter): Promise<number> {
    const row = await this.auditQuery(filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listAudit(filter: AuditFilter): Promise<StoredAuditEntry[]> {
    let query = this.auditQuery(filter).selectAll().orderBy('at', 'desc').orderBy('id').limit(filter.limit ?? 500);
    if (filter.offset) query = query.offset(filter.offset);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action as AuditEntry['action'],
      target: r.target,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }

  async auditSubjects(ids: readonly string[]) {
    const subjects: Record<string, AuditSubject> = {};
    // A page of the log names at most a few hundred ids; chunks keep each IN list small.
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 200) {
      const chunk = unique.slice(i, i + 200);
      const [submissions, devices, codes] = await Promise.all([
        this.db.selectFrom('submissions').select(['id', 'reference']).where('id', 'in', chunk).execute(),
        this.db.selectFrom('devices').select(['id', 'name']).where('id', 'in', chunk).execute(),
        this.db.selectFrom('enrolment_codes').select(['id', 'label']).where('id', 'in', chunk).execute(),
      ]);
      for (const r of submissions) subjects[r.id] = { kind: 'submission', label: r.reference };
      for (const r of devices) subjects[r.id] = { kind: 'device', label: r.name };
      for (const r of codes) if (r.id) subjects[r.id] = { kind: 'enrolment_code', label: r.label };
    }
    return subjects;
  }

  async createEnrolmentCode(code: EnrolmentCode) {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('enrolment_codes')
        .values({
          code_hash: code.codeHash,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          created_by: code.createdBy,
          id: code.id ?? randomUUID(),
          label: code.label ?? '',
          kind: code.kind ?? null,
          max_uses: code.maxUses ?? null,
        })
        .execute();
      // The code itself is a credential: the audit names only its id and limits.
      const limits = { expiresAt: code.expiresAt, ...(code.kind ? { kind: code.kind } : {}), ...(code.maxUses ? { maxUses: code.maxUses } : {}) };
      await insertAudit(trx, { at: code.createdAt, actor: code.createdBy, action: 'create_enrolment_code', target: code.id ?? null, detail: limits });
    });
  }

  async enrolmentCodeValid(codeHash: string, now: string) {
    const row = await this.db
      .selectFrom('enrolment_codes')
      .select('code_hash')
      .where('code_hash', '=', codeHash)
      .where('expires_at', '>', now)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async claimEnrolmentCode(codeHash: string, kind: DeviceKind, now: string): Promise<EnrolmentCodeClaim> {
    const claimed = await this.db
      .updateTable('enrolment_codes')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('code_hash', '=', codeHash)
      .where('expires_at', '>', now)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('kind', 'is', null), eb('kind', '=', kind)]))
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .returning('id')
      .executeTakeFirst();
    if (claimed) return { ok: true, id: claimed.id! };
    const row = await this.db.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    if (row.expires_at <= now) return { ok: false, reason: 'expired' };
    if (row.kind !== null && row.kind !== kind) return { ok: false, reason: 'wrong_kind' };
    return { ok: false, reason: 'used_up' };
  }

  async listEnrolmentCodes() {
    const rows = await this.db.selectFrom('enrolment_codes').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toEnrolmentCodeInfo);
  }

  async revokeEnrolmentCode(id: string, at: string, actor: string) {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('enrolment_codes')
        .set({ revoked_at: at, revoked_by: actor })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await insertAudit(trx, { at, actor, action: 'revoke_enrolment_code', target: id, detail: {} });
      return true;
    });
  }

  async recordAssisted(id: string, assisted: boolean, assistedBy: string | null) {
    await this.db.updateTable('submissions').set({ assisted: assisted ? 1 : 0, assisted_by: assistedBy }).where('id', '=', id).execute();
  }

  async deleteSubmissionsReceivedBefore(cutoff: string, at: string, limit: number) {
    return this.db.transaction().execute(async (trx) => {
      // Open cases are kept until a caseworker closes them: retention must never delete work in hand.
      const candidates = await trx.selectFrom('submissions').select('id').where('received_at', '<', cutoff)
        .where('status', 'in', ['done', 'rejected']).orderBy('received_at').limit(limit).execute();
      if (candidates.length === 0) return [];
      const ids = candidates.map((r) => r.id);
      await trx.deleteFrom('submission_events').where('submission_id', 'in', ids).execute();
      // RETURNING: on PostgreSQL another process may have deleted some of them meanwhile; audit only ours.
      const deleted = (await trx.deleteFrom('submissions').where('id', 'in', ids).returning('id').execute()).map((r) => r.id);
      if (deleted.length > 0) {
        await insertAudit(trx, { at, actor: 'system:retention', action: 'retention_delete', target: null, detail: { receivedBefore: cutoff, count: deleted.length, ids: deleted } });
      }
      return deleted;
    });
  }

  private lastSweep = 0;

  async reserveAttempt(keys: readonly string[], now: Date, delay: DelayPolicy, forgetMs: number) {
    // Old counters go at most once a minute per process: cheap, and the table stays small.
    if (now.getTime() - this.lastSweep > 60_000) {
      this.lastSweep = now.getTime();
      await sweepAttempts(this.db as unknown as ThrottleDb, now, forgetMs);
    }
    return reserveAttempt(this.db as unknown as ThrottleDb, this.kind === 'postgres', keys, now, delay, forgetMs);
  }

  async refundAttempt(clear: readonly string[], refund: readonly string[]) {
    await refundAttempt(this.db as unknown as ThrottleDb, clear, refund);
  }

  saveDeviceReport(deviceId: string, at: string, report: DeviceReport) {
    return saveDeviceReport(this.db, deviceId, at, report);
  }

  listDeviceReports() {
    return listDeviceReports(this.db);
  }

  setPassword(userId: string, hash: string, mustChange: boolean, at: string, actor: string, action: 'change_password' | 'reset_password') {
    return accounts.setPassword(this.db, userId, hash, mustChange, at, actor, action);
  }

  reactivateUser(username: string, at: string, actor: string) {
    return accounts.reactivateUser(this.db, username, at, actor);
  }

  setUserRole(username: string, role: StaffRole, at: string, actor: string) {
    return accounts.setUserRole(this.db, username, role, at, actor);
  }

  async extendSession(tokenHash: string, expiresAt: string) {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).where('expires_at', '<', expiresAt).execute();
  }

  secondFactor(userId: string) {
    return secondFactors.secondFactor(this.db, userId);
  }

  startSecondFactor(userId: string, sealedSecret: string) {
    return secondFactors.startSecondFactor(this.db, userId, sealedSecret);
  }

  confirmSecondFactor(userId: string, step: number, hashes: string[], at: string, actor: string, detail?: Record<string, unknown>) {
    return secondFactors.confirmSecondFactor(this.db, userId, step, hashes, at, actor, detail);
  }

  useTotpStep(userId: string, step: number) {
    return secondFactors.useTotpStep(this.db, userId, step);
  }

  useRecoveryCode(userId: string, hash: string, at: string, actor: string) {
    return secondFactors.useRecoveryCode(this.db, userId, hash, at, actor);
  }

  saveStaffCredential(credential: Parameters<Store['saveStaffCredential']>[0]) {
    return saveStaffCredential(this.db, credential);
  }

  staffCredentialByHash(tokenHash: string) {
    return staffCredentialByHash(this.db, tokenHash);
  }

  ping() {
    return pingDatabase(this.db);
  }

  async deleteOpenSubmissionsReceivedBefore(cutoff: string, at: string, limit: number) {
    return this.db.transaction().execute(async (trx) => {
      const candidates = await trx.selectFrom('submissions').select('id').where('received_at', '<', cutoff)
        .where('status', 'in', ['received', 'in_progress']).orderBy('received_at').limit(limit).execute();
      if (candidates.length === 0) return [];
      const ids = candidates.map((r) => r.id);
      await trx.deleteFrom('submission_events').where('submission_id', 'in', ids).execute();
      const deleted = (await trx.deleteFrom('submissions').where('id', 'in', ids).returning('id').execute()).map((r) => r.id);
      if (deleted.length > 0) {
        await insertAudit(trx, { at, actor: 'system:retention', action: 'retention_delete', target: null, detail: { receivedBefore: cutoff, open: true, count: deleted.length, ids: deleted } });
      }
      return deleted;
    });
  }

  async deleteAuditEntriesBefore(cutoff: string, at: string, limit: number) {
    return this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('audit_log').select('id').where('at', '<', cutoff).orderBy('at').limit(limit).execute();
      if (old.length === 0) return 0;
      const deleted = await trx.deleteFrom('audit_log').where('id', 'in', old.map((r) => r.id)).returning('id').execute();
      if (deleted.length > 0) {
        await insertAudit(trx, { at, actor: 'system:retention', action: 'retention_delete_audit', target: null, detail: { before: cutoff, count: deleted.length } });
      }
      return deleted.length;
    });
  }

  async close() {
    await this.db.destroy();
  }
}
