import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubmissionListAnswer, SubmissionRowAnswer } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import type { Filter } from '../api/submissions.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { Inbox, INBOX_PAGE, type InboxApi } from './inbox.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const row = (id: string): SubmissionRowAnswer => ({
  id, reference: `REF-${id}`, type: 'complaint', status: 'received', createdAt: '2026-03-02T09:00:00.000Z', receivedAt: '2026-03-02T09:01:00.000Z',
  deviceId: 'kiosk-1', deviceName: 'Kiosk 1', deviceKind: 'kiosk', assisted: null, assistedBy: null,
});

function setUp(list: InboxApi['listSubmissions']) {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    listSubmissions: vi.fn(list),
    listSubmissionTypes: vi.fn(async () => ({ types: ['complaint', 'extra-key-cards'] })),
    listDeviceNames: vi.fn(async () => ({ devices: [{ id: 'kiosk-1', name: 'Kiosk 1', kind: 'kiosk' as const, revoked: false }] })),
  };
  return { ui, api, inbox: new Inbox(api, ui) };
}

describe('the inbox', () => {
  it('reads the first page of the filter as applied, with the search and sort kept on the staff UI', async () => {
    const { ui, api, inbox } = setUp(async () => ({ submissions: [row('a')], total: 3 }));
    ui.filter.status = 'received';
    inbox.search = 'Jensen';
    inbox.sort = 'type';
    await inbox.load();
    const sent = api.listSubmissions.mock.calls[0]!;
    expect(sent[0]).toMatchObject({ status: 'received', search: 'Jensen', sort: 'type' });
    expect(sent.slice(1)).toEqual([INBOX_PAGE, 0]);
    expect(ui.filter).toMatchObject({ search: 'Jensen', sort: 'type' });
    expect(inbox).toMatchObject({ rows: [row('a')], total: 3, loading: false, failed: undefined });
  });

  it('lets only the newest load fill the list: a late answer to an older filter is dropped', async () => {
    let answerFirst: (answer: SubmissionListAnswer) => void = () => {};
    const { inbox } = setUp(
      vi.fn<InboxApi['listSubmissions']>()
        .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
        .mockImplementationOnce(async () => ({ submissions: [row('mine')], total: 1 })),
    );
    const first = inbox.load();
    await inbox.load();
    answerFirst({ submissions: [row('a'), row('b')], total: 2 });
    await first;
    expect(inbox.rows.map((r) => r.id)).toEqual(['mine']);
    expect(inbox.total).toBe(1);
  });

  it('adds the next page of the same filter without showing a row twice', async () => {
    const { api, inbox } = setUp(async (_filter: Filter, _limit: number, offset: number) =>
      offset === 0 ? { submissions: [row('a'), row('b')], total: 3 } : { submissions: [row('b'), row('c')], total: 3 },
    );
    await inbox.load();
    await inbox.more();
    expect(api.listSubmissions.mock.calls[1]!.slice(1)).toEqual([INBOX_PAGE, 2]);
    expect(inbox.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('says which search the server refused, in words', async () => {
    const { ui, inbox } = setUp(async () => Promise.reject(new StaffApiError('submissions.list', 400, 'invalid_filter')));
    inbox.search = '0101011234';
    await inbox.load();
    expect(inbox.failed).toBe(ui.t('staff:search.badCpr'));
    expect(inbox.loading).toBe(false);
  });

  it('fills the filters\' options from every stored type and device', async () => {
    const { ui, inbox } = setUp(async () => ({ submissions: [], total: 0 }));
    await inbox.loadOptions();
    expect(ui.types).toEqual(['complaint', 'extra-key-cards']);
    expect(ui.devices.map((d) => d.id)).toEqual(['kiosk-1']);
  });

  it('clears the filters but keeps the search, and reset() goes back to the filter kept on the staff UI', async () => {
    const { ui, inbox } = setUp(async () => ({ submissions: [row('a')], total: 1 }));
    ui.filter.status = 'done';
    inbox.search = 'Jensen';
    await inbox.clearFilter();
    expect(ui.filter).toMatchObject({ status: '', search: 'Jensen' });
    inbox.reset();
    expect(inbox).toMatchObject({ rows: [], total: 0, loading: true, search: 'Jensen', sort: '-receivedAt' });
  });
});
