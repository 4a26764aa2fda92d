import * as v from 'valibot';
import { isIsoDate } from '#domain/dates.ts';
import { serviceGroups } from './values.ts';

/**
 * The municipality configuration: everything about one Borgerservice that differs between
 * municipalities. Screens read these values; they never write a phone number or an opening hour.
 * The server validates the file named by KIOSK_CONFIG at start-up and serves it as /config.json.
 */

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM'));
const interval = v.pipe(
  v.object({ opens: time, closes: time }),
  v.check((i) => i.opens < i.closes, 'opens must be before closes'),
);
const day = v.array(interval);
// A real calendar day (not 2026-02-30): valibot's isoDate() checks only the shape.
const isoDate = v.pipe(v.string(), v.isoDate('closing day must be YYYY-MM-DD'), v.check(isIsoDate, 'closing day must be a calendar date'));


export const municipalityConfigSchema = v.object({
  municipality: v.object({
    name: v.pipe(v.string(), v.minLength(1)),
    department: v.optional(v.string()),
    phone: v.pipe(v.string(), v.regex(/^\+?[\d ]{8,16}$/, 'phone must be digits and spaces')),
    source: v.optional(v.string()),
  }),
  openingHours: v.object({
    monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: day, sunday: day,
  }),
  /**
   * Extra days the centre is closed besides weekends and the public holidays (rules/holidays.ts),
   * as dated ISO days ("2026-12-23"), e.g. a staff day. Booking offers no time on them, and the
   * 3-11 business-day delivery window skips them.
   */
  closingDays: v.array(isoDate),
  session: v.pipe(
    v.object({
      idleSeconds: v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(1800)),
      // WCAG 2.2.1: the warning must give the citizen at least 20 seconds to continue.
      warningSeconds: v.pipe(v.number(), v.integer(), v.minValue(20), v.maxValue(300)),
    }),
  ),
  /**
   * The schemes this municipality serves. The dated rule data decides on which days a scheme
   * exists (src/domain/rules/nemid-status.ts): after NemID's end its services lead to their MitID
   * counterparts whatever `nemid` says here, so configuration never makes a closed scheme look open.
   */
  schemes: v.object({ nemid: v.boolean(), mitid: v.boolean() }),
  /**
   * The municipality's published accessibility statement ("tilgængelighedserklæring", required by
   * lov nr. 692 af 08/06/2018 om tilgængelighed af offentlige organers websteder og mobilapplikationer),
   * usually on was.digst.dk. The kiosk's own statement page shows it as a link and a QR code.
   */
  accessibilityStatementUrl: v.optional(v.pipe(v.string(), v.url(), v.startsWith('https://', 'accessibility statement URL must be https'))),
  /** Times offered by "Book a time"; without it, defaultBooking (values.ts). */
  booking: v.optional(
    v.object({
      slotMinutes: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(120)),
      daysAhead: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
      /** Citizens served at once in one slot (counters open at the same time); without it, 1. */
      capacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
    }),
  ),
  services: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/)),
        group: v.picklist(serviceGroups),
        enabled: v.boolean(),
      }),
    ),
    v.check((s) => new Set(s.map((x) => x.id)).size === s.length, 'service ids must be unique'),
  ),
});

export type MunicipalityConfig = v.InferOutput<typeof municipalityConfigSchema>;
export type ServiceEntry = MunicipalityConfig['services'][number];

/** Parses a configuration, throwing an error that names every bad field. */
export function parseMunicipalityConfig(input: unknown): MunicipalityConfig {
  const result = v.safeParse(municipalityConfigSchema, input);
  if (result.success) return result.output;
  const problems = result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  throw new Error(`Invalid municipality configuration:\n  ${problems.join('\n  ')}`);
}
