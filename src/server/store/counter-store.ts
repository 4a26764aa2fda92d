import { randomUUID } from 'node:crypto';
import type { Kysely, Migration, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { HelpCall, QueueTicket } from '#contract/counter.ts';

/**
 * The live link between kiosks and the counter (migration 009): help calls a kiosk sends and the
 * numbered queue tickets it prints. Neither holds citizen data: a device, a screen's route, times
 * and a number.
 */
export interface CounterTables {
  help_calls: {
    /** Chosen by the kiosk, so that a call sent again after a lost answer is stored once. */
    id: string;
    device_id: string;
    /** The kiosk screen's route (`/service/complaint`), never its answers. */
    route: string;
    /** When the citizen pressed the button, by the kiosk's clock (bounded by the server's). */
    called_at: string;
    received_at: string;
    handled_at: string | null;
    handled_by: string | null;
  };
  queue_tickets: {
    id: string;
    device_id: string;
    /** The day in Copenhagen (YYYY-MM-DD): numbers start at 1 each day. */
    day: string;
    number: number;
    created_at: string;
    called_at: string | null;
    called_by: string | null;
  };
}

export const counterMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('help_calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('called_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('handled_at', 'text')
      .addColumn('handled_by', 'text')
      .execute();
    await db.schema.createIndex('help_calls_open').on('help_calls').columns(['handled_at', 'called_at']).execute();
    await db.schema
      .createTable('queue_tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('called_at', 'text')
      .addColumn('called_by', 'text')
      .addUniqueConstraint('queue_tickets_day_number', ['day', 'number'])
      .execute();
  },
};

/** The calendar day in Copenhagen, where the centres are: a ticket taken at 00:30 local time belongs to that day. */
export function copenhagenDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

async function audit(trx: Transaction<Database>, at: string, actor: string, action: string, target: string, detail: object) {
  await trx.insertInto('audit_log').values({ id: randomUUID(), at, actor, action, target, detail: JSON.stringify(detail) }).execute();
}

const helpCallColumns = [
  'help_calls.id', 'help_calls.device_id', 'help_calls.route', 'help_calls.called_at', 'help_calls.received_at',
  'help_calls.handled_at', 'help_calls.handled_by', 'devices.name as device_name',
] as const;

const ticketColumns = [
  'queue_tickets.id', 'queue_tickets.device_id', 'queue_tickets.day', 'queue_tickets.number', 'queue_tickets.created_at',
  'queue_tickets.called_at', 'queue_tickets.called_by', 'devices.name as device_name',
] as const;

type HelpRow = { id: string; device_id: string; route: string; called_at: string; received_at: string; handled_at: string | null; handled_by: string | null; device_name: string };
type TicketRow = { id: string; device_id: string; day: string; number: number; created_at: string; called_at: string | null; called_by: string | null; device_name: string };

const toHelpCall = (r: HelpRow): HelpCall => ({
  id: r.id, deviceId: r.device_id, deviceName: r.device_name, route: r.route, calledAt: r.called_at,
  receivedAt: r.received_at, handledAt: r.handled_at, handledBy: r.handled_by,
});
const toTicket = (r: TicketRow): QueueTicket => ({
  id: r.id, deviceId: r.device_id, deviceName: r.device_name, day: r.day, number: Number(r.number),
  createdAt: r.created_at, calledAt: r.called_at, calledBy: r.called_by,
});

/** Storage of help calls and queue tickets, on SQLite and PostgreSQL alike. */
export class CounterStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores the call once; a repeat of the same id by the same device answers the stored one (`created: false`). */
  async addHelpCall(call: { id: string; deviceId: string; route: string; calledAt: string; receivedAt: string }): Promise<{ call: HelpCall; created: boolean } | 'conflict'> {
    const inserted = await this.db
      .insertInto('help_calls')
      .values({ id: call.id, device_id: call.deviceId, route: call.route, called_at: call.calledAt, received_at: call.receivedAt, handled_at: null, handled_by: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    const stored = await this.helpCall(call.id);
    if (!stored || stored.deviceId !== call.deviceId) return 'conflict';
    return { call: stored, created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 };
  }

  async helpCall(id: string): Promise<HelpCall | undefined> {
    const row = await this.db.selectFrom('help_calls').innerJoin('devices', 'devices.id', 'help_calls.device_id').select(helpCallColumns).where('help_calls.id', '=', id).executeTakeFirst();
    return row && toHelpCall(row);
  }

  /** Calls nobody has answered yet, oldest first. */
  async openHelpCalls(): Promise<HelpCall[]> {
    const rows = await this.db
      .selectFrom('help_calls').innerJoin('devices', 'devices.id', 'help_calls.device_id').select(helpCallColumns)
      .where('help_calls.handled_at', 'is', null).orderBy('help_calls.called_at').orderBy('help_calls.id').limit(200).execute();
    return rows.map(toHelpCall);
  }

  /** Marks an open call handled by `actor`, audited in the same transaction; undefined when there is no open call with that id. */
  async handleHelpCall(id: string, at: string, actor: string): Promise<HelpCall | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('help_calls').set({ handled_at: at, handled_by: actor }).where('id', '=', id).where('handled_at', 'is', null).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return undefined;
      await audit(trx, at, actor, 'handle_help_call', id, {});
      const row = await trx.selectFrom('help_calls').innerJoin('devices', 'devices.id', 'help_calls.device_id').select(helpCallColumns).where('help_calls.id', '=', id).executeTakeFirstOrThrow();
      return toHelpCall(row);
    });
  }

  /**
   * The next number of the day. Two kiosks asking at once may read the same highest number; the
   * unique (day, number) constraint refuses the second insert, which then tries the next number.
   */
  async takeQueueTicket(deviceId: string, now: Date): Promise<QueueTicket> {
    const day = copenhagenDay(now);
    for (let attempt = 0; ; attempt++) {
      try {
        const id = randomUUID();
        await this.db.transaction().execute(async (trx) => {
          const top = await trx.selectFrom('queue_tickets').select((eb) => eb.fn.max('number').as('top')).where('day', '=', day).executeTakeFirst();
          const number = Number(top?.top ?? 0) + 1;
          await trx.insertInto('queue_tickets').values({ id, device_id: deviceId, day, number, created_at: now.toISOString(), called_at: null, called_by: null }).execute();
        });
        const row = await this.db.selectFrom('queue_tickets').innerJoin('devices', 'devices.id', 'queue_tickets.device_id').select(ticketColumns).where('queue_tickets.id', '=', id).executeTakeFirstOrThrow();
        return toTicket(row);
      } catch (err) {
        if (attempt >= 20) throw err;
      }
    }
  }

  /** Today's tickets, oldest first (called ones too, so that staff see who was called when). */
  async ticketsOfDay(day: string): Promise<QueueTicket[]> {
    const rows = await this.db
      .selectFrom('queue_tickets').innerJoin('devices', 'devices.id', 'queue_tickets.device_id').select(ticketColumns)
      .where('queue_tickets.day', '=', day).orderBy('queue_tickets.number').execute();
    return rows.map(toTicket);
  }

  /** Calls the lowest waiting number of the day, audited; undefined when nobody is waiting. Two staff pressing at once call two different tickets. */
  async callNextTicket(day: string, at: string, actor: string): Promise<QueueTicket | undefined> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const next = await this.db.selectFrom('queue_tickets').select(['id', 'number']).where('day', '=', day).where('called_at', 'is', null).orderBy('number').limit(1).executeTakeFirst();
      if (!next) return undefined;
      const called = await this.db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('queue_tickets').set({ called_at: at, called_by: actor }).where('id', '=', next.id).where('called_at', 'is', null).executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) return false;
        await audit(trx, at, actor, 'call_next_ticket', next.id, { number: Number(next.number), day });
        return true;
      });
      if (called) {
        const row = await this.db.selectFrom('queue_tickets').innerJoin('devices', 'devices.id', 'queue_tickets.device_id').select(ticketColumns).where('queue_tickets.id', '=', next.id).executeTakeFirstOrThrow();
        return toTicket(row);
      }
    }
    return undefined;
  }
}
