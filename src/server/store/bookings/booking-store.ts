import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Migration } from 'kysely';
import { BOOKING_HOLD_MINUTES } from '#contract/bookings.ts';
import type { Booking, BookingStatus } from '#contract/bookings.ts';
import type { Database } from '../schema.ts';

/**
 * Migration 015: the bookings the server holds. A row is one citizen's seat in a slot (or, for a
 * request sent offline to a full slot, the time proposed instead). Capacity holds under races by
 * the unique (slot, seat) index: a slot of capacity N has seats 1..N, and two inserts for the last
 * seat cannot both succeed. No citizen data: the slot, the reference and the device.
 */
export interface BookingsTable {
  bookings: {
    id: string;
    /** "YYYY-MM-DDTHH:MM", Copenhagen time; sorts as text. */
    slot: string;
    /** 1..capacity while booked; NULL for a proposal (it holds no seat). */
    seat: number | null;
    reference: string;
    device_id: string;
    status: string;
    proposed_slot: string | null;
    /** `device`: reserved online by the kiosk; `ingest`: booked when an offline request was stored. */
    source: string;
    created_at: string;
  };
}

export const bookingsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('bookings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('seat', 'integer')
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposed_slot', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // NULL seats (proposals) never collide: both databases treat NULLs as distinct here.
    await db.schema.createIndex('bookings_slot_seat').on('bookings').columns(['slot', 'seat']).unique().execute();
    // One booking per submission: references are unique per device.
    await db.schema.createIndex('bookings_device_reference').on('bookings').columns(['device_id', 'reference']).unique().execute();
    await db.schema.createIndex('bookings_device_created').on('bookings').columns(['device_id', 'created_at']).execute();
  },
};

type Row = Database['bookings'];

export interface StaffBookingRow extends Booking {
  seat: number | null;
  deviceName: string;
  source: string;
  /** The case this booking belongs to, once its submission is stored. */
  submissionId: string | null;
}

const toBooking = (r: Row): Booking => ({ slot: r.slot, reference: r.reference, status: r.status as BookingStatus, proposedSlot: r.proposed_slot, createdAt: r.created_at });

/** Before this instant, a seat reserved online and not confirmed by its submission is free again. */
export const holdCutoff = (now: Date): string => new Date(now.getTime() - BOOKING_HOLD_MINUTES * 60_000).toISOString();

/**
 * A seat a device reserved online whose submission has not arrived within the hold: it no longer
 * counts, is not listed for staff, and the next booking of its slot deletes it.
 */
const lapsedHold = (eb: ExpressionBuilder<Database, 'bookings'>, cutoff: string) =>
  eb.and([
    eb('bookings.status', '=', 'booked'),
    eb('bookings.source', '=', 'device'),
    eb('bookings.created_at', '<', cutoff),
    eb.not(eb.exists(eb.selectFrom('submissions').select('submissions.id').whereRef('submissions.reference', '=', 'bookings.reference').whereRef('submissions.device_id', '=', 'bookings.device_id'))),
  ]);

export type BookOutcome = { booking: Booking; created: boolean } | { refused: 'full' } | { refused: 'reference_booked'; booking: Booking };

/** Bookings on SQLite and PostgreSQL alike. */
export class BookingStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Seats taken per slot between two slots (inclusive), for the slots a device is offered; a lapsed hold is free. */
  async takenSeats(fromSlot: string, toSlot: string, now = new Date()): Promise<Map<string, number>> {
    const cutoff = holdCutoff(now);
    const rows = await this.db
      .selectFrom('bookings')
      .select(['slot', (eb) => eb.fn.countAll<number | string | bigint>().as('taken')])
      .where('status', '=', 'booked')
      .where('slot', '>=', fromSlot)
      .where('slot', '<=', toSlot)
      .where((eb) => eb.not(lapsedHold(eb, cutoff)))
      .groupBy('slot')
      .execute();
    return new Map(rows.map((r) => [r.slot, Number(r.taken)]));
  }

  async byReference(deviceId: string, reference: string): Promise<Booking | undefined> {
    const row = await this.db.selectFrom('bookings').selectAll().where('device_id', '=', deviceId).where('reference', '=', reference).executeTakeFirst();
    return row && toBooking(row);
  }

  /** Bookings a device made since an instant (the per-device cap). */
  async countByDeviceSince(deviceId: string, since: string): Promise<number> {
    const row = await this.db.selectFrom('bookings').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).where('device_id', '=', deviceId).where('created_at', '>=', since).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Takes the first free seat of the slot for this reference. Each seat is tried with an insert
   * that does nothing on a conflict, so a concurrent insert that won the seat (or the reference)
   * makes this one try the next seat; when none is left the slot is full. The same reference
   * asking for the same slot again gets its booking back (a retry after a lost answer).
   */
  async book(b: { slot: string; reference: string; deviceId: string; capacity: number; source: 'device' | 'ingest'; at: string }): Promise<BookOutcome> {
    const existing = await this.byReference(b.deviceId, b.reference);
    if (existing) return existing.slot === b.slot && existing.status === 'booked' ? { booking: existing, created: false } : { refused: 'reference_booked', booking: existing };
    // Seats held for submissions that never came are given back before counting this slot's seats.
    const cutoff = holdCutoff(new Date(b.at));
    await this.db.deleteFrom('bookings').where('slot', '=', b.slot).where((eb) => lapsedHold(eb, cutoff)).execute();
    for (let seat = 1; seat <= b.capacity; seat++) {
      const id = randomUUID();
      const inserted = await this.db
        .insertInto('bookings')
        .values({ id, slot: b.slot, seat, reference: b.reference, device_id: b.deviceId, status: 'booked', proposed_slot: null, source: b.source, created_at: b.at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { booking: toBooking((await this.db.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow())), created: true };
      const mine = await this.byReference(b.deviceId, b.reference);
      if (mine) return mine.slot === b.slot && mine.status === 'booked' ? { booking: mine, created: false } : { refused: 'reference_booked', booking: mine };
    }
    return { refused: 'full' };
  }

  /** Records that an offline request found its slot full and which time staff offer instead (NULL: none free). */
  async propose(b: { slot: string; reference: string; deviceId: string; proposedSlot: string | null; at: string }): Promise<void> {
    await this.db
      .insertInto('bookings')
      .values({ id: randomUUID(), slot: b.slot, seat: null, reference: b.reference, device_id: b.deviceId, status: 'proposed', proposed_slot: b.proposedSlot, source: 'ingest', created_at: b.at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** A day's bookings and proposals by time, with the kiosk's name and the case they belong to. */
  async ofDay(day: string, now = new Date()): Promise<StaffBookingRow[]> {
    const cutoff = holdCutoff(now);
    const rows = await this.db
      .selectFrom('bookings')
      .innerJoin('devices', 'devices.id', 'bookings.device_id')
      .leftJoin('submissions', (j) => j.onRef('submissions.reference', '=', 'bookings.reference').onRef('submissions.device_id', '=', 'bookings.device_id'))
      .selectAll('bookings')
      .select(['devices.name as device_name', 'submissions.id as submission_id'])
      .where('bookings.slot', '>=', `${day}T`)
      .where('bookings.slot', '<', `${day}U`)
      .where((eb) => eb.not(lapsedHold(eb, cutoff)))
      .orderBy('bookings.slot')
      .orderBy('bookings.seat')
      .orderBy('bookings.created_at')
      .limit(2000)
      .execute();
    return rows.map((r) => ({ ...toBooking(r), seat: r.seat === null ? null : Number(r.seat), deviceName: r.device_name, source: r.source, submissionId: r.submission_id ?? null }));
  }
}
