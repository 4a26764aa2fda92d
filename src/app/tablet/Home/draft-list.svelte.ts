import type { DraftSummary } from '#vault/vault.ts';

/** The unfinished drafts on the home screen, newest first. `list` is the open vault's listDrafts. */
export class DraftList {
  drafts = $state<DraftSummary[] | undefined>();
  failed = $state(false);

  constructor(private readonly list: () => Promise<DraftSummary[]>) {}

  async load(): Promise<void> {
    try {
      this.drafts = [...(await this.list())].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    } catch (error) {
      console.error('tablet: could not list drafts', error instanceof Error ? error.name : typeof error);
      this.failed = true;
    }
  }

  reset(): void {
    this.drafts = undefined;
    this.failed = false;
  }
}
