import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import { defaultBooking } from '#config/values.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { extraKeyCardsAtCounter } from '#domain/rules/key-cards.ts';
import { bookableDays } from '#domain/slots.ts';
import { findForm } from '#forms/definitions/index.ts';
import { errorKey, labelKey, resolveKey } from '#forms/engine/keys.ts';
import type { ErrorCode, FieldDefinition, FormDefinition } from '#forms/engine/types.ts';
import { choose, fieldId, fillText, type Language } from './forms.ts';

/**
 * The six digital-ID flows as data for the browser tests: one filler per step that
 * answers it validly, so that tests can walk every step (axe, screenshots, invalid input).
 */

export const digitalIdServices = ['get-digital-id', 'lost-key-card', 'extra-key-cards', 'block-digital-id', 'complaint', 'book-time'] as const;
export type DigitalIdService = (typeof digitalIdServices)[number];

const today = new Date();
// The second open day, so that a test does not race the clock through today's last slots.
export const bookedDay = bookableDays(defaultConfig, today, defaultBooking)[1]!;
export const maxKeyCards = ruleOn(extraKeyCardsAtCounter, today);

type Fill = (page: Page) => Promise<void>;

/**
 * A day before NemID's end (src/domain/rules/nemid-status.ts): on it the seeds' NemID flows hold.
 * Tests of those flows install it as the browser's clock; today the same paths lead to MitID.
 */
export const seedTime = new Date('2022-06-15T10:00:00+02:00');

/** The flows whose valid answers below are NemID answers, so they run on the seed day's clock. */
export const nemIdFlows: readonly string[] = ['get-digital-id', 'lost-key-card', 'extra-key-cards', 'block-digital-id'];

/** Installs the seed day's clock for a NemID flow; other flows run on today's clock. */
export async function clockFor(page: Page, service: string): Promise<void> {
  if (nemIdFlows.includes(service)) await page.clock.install({ time: seedTime });
}

/** Valid answers, step by step, for each flow (the default configuration: NemID and MitID). */
export const validSteps: Record<DigitalIdService, Fill[]> = {
  complaint: [
    async (p) => {
      await choose(p, 'scheme', 'mitid', 'mitid');
      await choose(p, 'about', 'blocked', 'refused');
      await fillText(p, 'description', 'Mit MitID blev spærret uden forklaring.');
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'phone', '12 34 56 78');
    },
  ],
  'block-digital-id': [
    async (p) => choose(p, 'scheme', 'nemid', 'nemid'),
    async () => {},
    async (p) => {
      await choose(p, 'lost', 'key-card', 'key-card');
      await fillText(p, 'details', 'Min pung blev stjålet i bussen.');
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '010190-1234');
      await fillText(p, 'phone', '12 34 56 78');
    },
  ],
  'book-time': [
    async (p) => choose(p, 'topic', 'get-digital-id', 'get-digital-id'),
    async (p) => {
      await p.locator(`${fieldId('time')}-${bookedDay.date}`).check();
      await p.locator(`${fieldId('time')}-${bookedDay.times[1]!.replace(':', '')}`).check();
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'phone', '12 34 56 78');
    },
  ],
  'extra-key-cards': [
    async (p) => {
      await fillText(p, 'count', '3');
      await choose(p, 'print', 'large-print', 'standard');
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
    },
  ],
  'lost-key-card': [
    async (p) => {
      await choose(p, 'which', 'both', 'key-card');
      await choose(p, 'keyCard', 'voice-response', 'standard');
      await fillText(p, 'voicePhone', '12 34 56 78');
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
    },
  ],
  'get-digital-id': [
    async (p) => {
      await choose(p, 'scheme', 'nemid', 'mitid');
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
    },
    async (p) => choose(p, 'hasFixedAddress', 'yes', 'yes'),
    async (p) => p.locator(`${fieldId('documents')}-driving-licence`).check(),
    async (p) => {
      await choose(p, 'confirmBy', 'witness', 'questions');
      await fillText(p, 'witnessName', 'Ole Hansen');
      await fillText(p, 'witnessCpr', '0202602345');
      await p.locator(fieldId('witnessPhotoId')).check();
      await p.locator(fieldId('witnessDeclaration')).check();
    },
    async (p) => {
      await choose(p, 'keyCard', 'voice-response', 'standard');
      await fillText(p, 'voicePhone', '12 34 56 78');
    },
  ],
};

const locales = new Map<string, Record<string, unknown>>();
function text(language: Language, key: string): string | undefined {
  const [ns, path] = key.split(':') as [string, string];
  const file = `${language}/${ns}`;
  if (!locales.has(file)) locales.set(file, JSON.parse(readFileSync(new URL(`../../../locales/${file}.json`, import.meta.url), 'utf8')));
  let node: unknown = locales.get(file);
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fieldAt(form: FormDefinition, path: string): { field: FieldDefinition; part?: string } {
  const [name, part] = path.split('.');
  const field = form.steps.flatMap((s) => s.fields).find((f) => f.name === name);
  if (!field) throw new Error(`digital-id: ${form.id} has no field ${name}`);
  return { field, part };
}

/**
 * The message a field must show for an error code, read from the locale files the app uses
 * (src/app/form-flow/messages.ts): the field's own message or its kind's, with its label filled in.
 * Other values (an age, a date) match anything.
 */
export function expectedMessage(service: DigitalIdService, language: Language, path: string, code: ErrorCode, context?: string): RegExp {
  const form = findForm(service)!;
  const { field, part } = fieldAt(form, path);
  const own = field.errorKeys?.[code];
  const key = own ? resolveKey(form, own) : errorKey(field.kind, code, field.kind === 'address' ? part : undefined);
  const template = (context && text(language, `${key}_${context}`)) || text(language, key);
  if (!template) throw new Error(`digital-id: no ${language} text for ${key}`);
  const label = text(language, labelKey(form, field))!;
  const pattern = template
    .split(/(\{\{\w+\}\})/)
    .map((piece) => (piece === '{{label}}' ? escape(label) : /^\{\{\w+\}\}$/.test(piece) ? '.+?' : escape(piece)))
    .join('');
  return new RegExp(`^${pattern}$`);
}

export const errorPrefix = { da: 'Fejl:', en: 'Error:' } as const;

/**
 * The DKFDS error summary lists the field's message as a link to '#' + its id; following the
 * link focuses the field, which shows the same message inline, in the current language.
 */
export async function expectFieldError(
  page: Page,
  service: DigitalIdService,
  language: Language,
  path: string,
  code: ErrorCode,
  { context, inlineId }: { context?: string; inlineId?: string } = {},
): Promise<void> {
  const id = fieldId(path).slice(1);
  const message = expectedMessage(service, language, path, code, context);
  const summary = page.locator('.alert.alert-error[role="alert"]');
  await expect(summary.locator('.alert-heading')).toHaveText(language === 'da' ? 'Der er problemer' : 'There is a problem');
  const link = summary.locator(`a[href="#${id}"]`);
  await expect(link, `${service} ${language}: a summary link to #${id}`).toHaveCount(1);
  await expect(link).toHaveText(message);
  await link.click();
  await expect(page.locator(`#${id}`), `${service} ${language}: the link focuses #${id}`).toBeFocused();
  const inline = page.locator(`#${inlineId ?? id}-error`);
  await expect(inline).toBeVisible();
  const shown = (await inline.innerText()).trim();
  expect(shown.startsWith(errorPrefix[language]), `${service} ${language}: "${shown}" starts with ${errorPrefix[language]}`).toBe(true);
  expect(shown.slice(errorPrefix[language].length).trim()).toMatch(message);
}

/** Presses Next and waits for the error summary (the step stays). */
export async function nextExpectingErrors(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.alert.alert-error[role="alert"]')).toBeVisible();
}
