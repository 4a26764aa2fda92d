import { translator, type Language, type Translate } from '../i18n.ts';
import { StaffApiError, type Filter, type StaffUser, type SubmissionRow } from './api.ts';

export const emptyFilter = (): Filter => ({ type: '', status: '', from: '', to: '', deviceId: '' });

/**
 * What the back office holds in memory: the signed-in staff member (as the server told us; the
 * cookie itself is HttpOnly), the language, and the inbox filter, kept while moving between
 * screens. reset() is what logout (or an expired session) leaves behind.
 */
export class StaffUi {
  language = $state<Language>('da');
  user = $state<StaffUser | undefined>();
  /** Shown on the login screen: why the staff member is there again. */
  notice = $state<string | undefined>();
  filter = $state<Filter>(emptyFilter());
  /** Types and devices seen in lists this session: the options of the inbox filters. */
  seenTypes = $state<string[]>([]);
  seenDevices = $state<{ id: string; name: string }[]>([]);
  t: Translate = $derived(translator(this.language));

  /** Dates and times as a caseworker reads them, in the chosen language and the browser's time zone. */
  dateTime = (iso: string) =>
    new Date(iso).toLocaleString(this.language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

  remember(rows: SubmissionRow[]) {
    const types = new Set(this.seenTypes);
    const devices = new Map(this.seenDevices.map((d) => [d.id, d.name]));
    for (const row of rows) {
      types.add(row.type);
      devices.set(row.deviceId, row.deviceName);
    }
    this.seenTypes = [...types].sort();
    this.seenDevices = [...devices].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

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
    this.seenTypes = [];
    this.seenDevices = [];
  }
}

export const ui = new StaffUi();
