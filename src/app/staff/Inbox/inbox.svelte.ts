import type { SubmissionRowAnswer } from '#contract/staff.ts';
import type { listDeviceNames } from '../api/devices.ts';
import { StaffApiError } from '../api/http.ts';
import type { Filter, listSubmissions, listSubmissionTypes } from '../api/submissions.ts';
import { interpretSearch } from '../search-query.ts';
import { emptyFilter, type StaffUi } from '../staff-ui.svelte.ts';

/** What the inbox asks the server. */
export interface InboxApi {
  listSubmissions: typeof listSubmissions;
  listSubmissionTypes: typeof listSubmissionTypes;
  listDeviceNames: typeof listDeviceNames;
}

/** A page at a time: a municipality's inbox holds a year of submissions. */
export const INBOX_PAGE = 100;
export const DEFAULT_SORT = '-receivedAt';

/**
 * The inbox: the list as the filter last applied gives it, a page at a time, and the one search
 * field (reference, CPR number or name) with the sort order. The filter itself lives on StaffUi,
 * so that it is kept while moving between screens.
 */
export class Inbox {
  rows = $state<SubmissionRowAnswer[]>([]);
  total = $state(0);
  loading = $state(true);
  failed = $state<string | undefined>();
  /** The filter as applied: the CSV link exports exactly the list on the screen. */
  applied = $state<Filter>(emptyFilter());
  search = $state('');
  sort = $state(DEFAULT_SORT);
  // Only the newest load may fill the list: an older answer arriving late (the first load, say,
  // after a filter was applied) must not show rows the filter leaves out.
  #latestLoad = 0;
  readonly #api: InboxApi;
  readonly #ui: StaffUi;

  constructor(api: InboxApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
    this.reset();
  }

  /** Applies the search, the sort and the filters as they now stand, and reads the first page. */
  async load(): Promise<void> {
    const ui = this.#ui;
    const mine = ++this.#latestLoad;
    this.loading = true;
    this.failed = undefined;
    ui.filter.search = this.search;
    ui.filter.sort = this.sort;
    this.applied = { ...ui.filter };
    try {
      const result = await this.#api.listSubmissions(this.applied, INBOX_PAGE, 0);
      if (mine !== this.#latestLoad) return;
      this.rows = result.submissions;
      this.total = result.total;
    } catch (error) {
      if (mine === this.#latestLoad) this.failed = this.#searchFailure(error) ?? ui.failure(error);
    } finally {
      if (mine === this.#latestLoad) this.loading = false;
    }
  }

  /** The next page of the same filter; a row already shown (the list moved meanwhile) is not shown twice. */
  async more(): Promise<void> {
    try {
      const result = await this.#api.listSubmissions(this.applied, INBOX_PAGE, this.rows.length);
      this.rows = [...this.rows, ...result.submissions.filter((r) => !this.rows.some((known) => known.id === r.id))];
      this.total = result.total;
    } catch (error) {
      this.failed = this.#ui.failure(error);
    }
  }

  /** The filters' options: every stored type and every enrolled device, not only those on this page. */
  async loadOptions(): Promise<void> {
    try {
      const [types, devices] = await Promise.all([this.#api.listSubmissionTypes(), this.#api.listDeviceNames()]);
      this.#ui.types = types.types;
      this.#ui.devices = devices.devices;
    } catch {
      // The list's own call says what went wrong; the filters keep the options they had.
    }
  }

  /** A scanned reference (or any text) searched at once, as if typed and sent. */
  searchFor(text: string): Promise<void> {
    this.search = text;
    return this.load();
  }

  clearSearch(): Promise<void> {
    this.search = '';
    return this.load();
  }

  clearFilter(): Promise<void> {
    this.#ui.filter = emptyFilter();
    return this.load();
  }

  /** Why a search was refused, in words: the server's 400 names the parameter, the field knows which it sent. */
  #searchFailure(error: unknown): string | undefined {
    const ui = this.#ui;
    const sent = interpretSearch(ui.filter.search ?? '');
    if (!(error instanceof StaffApiError) || error.code !== 'invalid_filter' || !sent) return undefined;
    if (sent.kind === 'reference') return ui.t('staff:search.badReference', { value: sent.value });
    return ui.t(sent.kind === 'cpr' ? 'staff:search.badCpr' : 'staff:search.badName');
  }

  /** Back to the filter kept on StaffUi, with nothing loaded yet. */
  reset(): void {
    this.#latestLoad++;
    this.rows = [];
    this.total = 0;
    this.loading = true;
    this.failed = undefined;
    this.applied = { ...this.#ui.filter };
    this.search = this.#ui.filter.search ?? '';
    this.sort = this.#ui.filter.sort ?? DEFAULT_SORT;
  }
}
