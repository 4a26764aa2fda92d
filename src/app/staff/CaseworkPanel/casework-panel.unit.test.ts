import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseStateAnswer, StaffAccountAnswer } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { CaseworkPanel } from './casework-panel.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const state = (assignee: string | null): CaseStateAnswer => ({ id: 'sub-1', status: 'received', assignee, dueAt: '2026-03-20', allowedTransitions: ['in_progress'], history: [] });
const account = (username: string, disabledAt: string | null = null): StaffAccountAnswer => ({ username, role: 'caseworker', createdAt: '2026-01-01T00:00:00.000Z', disabledAt, disabledBy: null });

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    assignSubmission: vi.fn(async (_id: string, assignee: string | null) => state(assignee)),
    addNote: vi.fn(async () => state(null)),
    listUsers: vi.fn(async () => ({ users: [account('mette'), account('gone', '2026-02-01T00:00:00.000Z')] })),
  };
  const changed = vi.fn();
  return { ui, api, changed, panel: new CaseworkPanel(api, ui, changed) };
}

describe('the casework panel', () => {
  it('offers an admin only the active accounts', async () => {
    const { panel } = setUp();
    await panel.loadAccounts();
    expect(panel.accounts.map((a) => a.username)).toEqual(['mette']);
  });

  it('assigns and releases, says so, and hands the case as it now is to the screen', async () => {
    const { ui, api, changed, panel } = setUp();
    await panel.assignTo('sub-1', 'mette');
    expect(api.assignSubmission).toHaveBeenCalledWith('sub-1', 'mette');
    expect(panel.message).toBe(ui.t('staff:casework.assigned', { username: 'mette' }));
    expect(changed).toHaveBeenLastCalledWith(state('mette'));
    await panel.assignTo('sub-1', null);
    expect(panel.message).toBe(ui.t('staff:casework.released'));
  });

  it('says the server\'s casework refusal in words', async () => {
    const { ui, api, changed, panel } = setUp();
    api.assignSubmission.mockRejectedValueOnce(new StaffApiError('submissions.assign', 403, 'assign_self_only'));
    await panel.assignTo('sub-1', 'someone-else');
    expect(panel).toMatchObject({ failed: ui.t('staff:casework.assignSelfOnly'), message: undefined, busy: false });
    expect(changed).not.toHaveBeenCalled();
  });

  it('wants a note with text, saves it and empties the field', async () => {
    const { ui, api, panel } = setUp();
    panel.note = '  ';
    await panel.saveNote('sub-1');
    expect(api.addNote).not.toHaveBeenCalled();
    expect(panel.noteError).toBe(ui.t('staff:casework.noteRequired'));
    panel.note = ' Ringede til borgeren ';
    await panel.saveNote('sub-1');
    expect(api.addNote).toHaveBeenCalledWith('sub-1', 'Ringede til borgeren');
    expect(panel).toMatchObject({ note: '', noteError: undefined, message: ui.t('staff:casework.noteSaved') });
    panel.reset();
    expect(panel).toMatchObject({ message: undefined, accounts: [] });
  });
});
