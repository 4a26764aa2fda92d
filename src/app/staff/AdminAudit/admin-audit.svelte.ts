import type { AuditEntry, AuditSubject } from '#contract/staff.ts';
import type { AuditFilter, searchAudit } from '../api/audit.ts';
import { emptyAuditFilter, type StaffUi } from '../staff-ui.svelte.ts';

/** What the audit log screen asks the server. */
export interface AuditApi {
  searchAudit: typeof searchAudit;
}

/**
 * The audit log as an admin searches it: the filter lives on StaffUi (kept between screens), the
 * entries as the filter last applied gives them, 500 at a time.
 */
export class AdminAudit {
  entries = $state<AuditEntry[] | undefined>();
  subjects = $state<Record<string, AuditSubject>>({});
  failed = $state<string | undefined>();
  loading = $state(false);
  total = $state<number | undefined>();
  /** The filter as applied: "show more" and the export take exactly the list on the screen. */
  applied = $state<AuditFilter>(emptyAuditFilter());
  readonly #api: AuditApi;
  readonly #ui: StaffUi;

  constructor(api: AuditApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
    this.applied = { ...ui.auditFilter };
  }

  async load(): Promise<void> {
    this.loading = true;
    this.failed = undefined;
    try {
      this.applied = { ...this.#ui.auditFilter };
      const page = await this.#api.searchAudit(this.applied);
      this.entries = page.entries;
      this.subjects = page.subjects ?? {};
      this.total = page.total;
    } catch (error) {
      this.failed = this.#ui.failure(error);
    } finally {
      this.loading = false;
    }
  }

  /** The next entries of the same filter; one already shown is not shown twice. */
  async more(): Promise<void> {
    const entries = this.entries;
    if (!entries) return;
    try {
      const page = await this.#api.searchAudit(this.applied, entries.length);
      const known = new Set(entries.map((e) => e.id));
      this.entries = [...entries, ...page.entries.filter((e) => !known.has(e.id))];
      this.subjects = { ...this.subjects, ...page.subjects };
      this.total = page.total;
    } catch (error) {
      this.failed = this.#ui.failure(error);
    }
  }

  clearFilter(): Promise<void> {
    this.#ui.auditFilter = emptyAuditFilter();
    return this.load();
  }

  reset(): void {
    this.entries = undefined;
    this.subjects = {};
    this.failed = undefined;
    this.loading = false;
    this.total = undefined;
    this.applied = { ...this.#ui.auditFilter };
  }
}
