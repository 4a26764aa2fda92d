import { translator, type Language, type Translate } from '#app/shared/i18n.ts';
import type { DeviceName, StaffSession } from '#contract/staff.ts';
import type { AuditFilter } from './api/audit.ts';
import { StaffApiError } from './api/http.ts';
import type { Filter } from './api/submissions.ts';

/** A staff setting, not citizen data: the back office's language on this browser. */
const LANGUAGE_KEY = 'staff-language';

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export const emptyFilter = (): Filter => ({ type: '', status: '', from: '', to: '', device: '', assignee: '' });
export const emptyAuditFilter = (): AuditFilter => ({ target: '', actor: '', action: '', from: '', to: '' });

/**
 * What the back office holds in memory: the signed-in staff member (as the server told us; the
 * cookie itself is HttpOnly), the language, and the inbox filter, kept while moving between
 * screens. reset() is what logout (or an expired session) leaves behind.
 */
export class StaffUi {
  #language = $state<Language>(storedLanguage());
  /** Danish unless the caseworker chose English; the choice is kept on this browser across page loads. */
  get language(): Language {
    return this.#language;
  }
  set language(language: Language) {
    this.#language = language;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // A browser that refuses storage still switches, for this page load.
    }
  }
  user = $state<StaffSession | undefined>();
  /** Shown on the login screen: why the staff member is there again. */
  notice = $state<string | undefined>();
  filter = $state<Filter>(emptyFilter());
  auditFilter = $state<AuditFilter>(emptyAuditFilter());
  /** The options of the inbox's filters, as the server last told them: stored types and enrolled devices. */
  types = $state<string[]>([]);
  devices = $state<DeviceName[]>([]);
  t: Translate = $derived(translator(this.language));
  /** Names of accounts made at sign-in through the organisation's login, whose usernames are hashes. */
  people = $state<Record<string, string>>({});

  /** A colleague as people know them: the provider's name where there is one, else the username. */
  person = (username: string): string => this.people[username] ?? username;

  /** Times as a caseworker reads them, in the chosen language and on the Copenhagen clock, wherever the browser is. */
  dateTime = (iso: string) =>
    new Date(iso).toLocaleString(this.language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

  /** A calendar date (YYYY-MM-DD) as written, never shifted by a time zone. */
  date = (isoDate: string) =>
    new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(this.language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });

  /** Maps a failed call to the sentence to show; an ended session sends the staff member to the login. */
  failure = (error: unknown): string => {
    if (error instanceof StaffApiError && error.status === 401) {
      this.reset();
      this.notice = this.t('staff:errors.sessionExpired');
    }
    return this.t('staff:errors.failed');
  };

  reset() {
    this.user = undefined;
    this.notice = undefined;
    this.filter = emptyFilter();
    this.auditFilter = emptyAuditFilter();
    this.types = [];
    this.devices = [];
    this.people = {};
  }
}

export const ui = new StaffUi();
