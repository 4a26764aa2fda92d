/** The server's casework refusals, as the key of the message a caseworker reads. */
const messages: Record<string, string> = {
  assign_self_only: 'staff:casework.assignSelfOnly',
  release_own_only: 'staff:casework.releaseOwnOnly',
  unknown_assignee: 'staff:casework.unknownAssignee',
  note_required: 'staff:casework.noteRequired',
  rejection_needs_note: 'staff:detail.noteRequired',
  reopen_needs_reason: 'staff:casework.reopenRequired',
};

export function caseworkMessageKey(code: string): string | undefined {
  return messages[code];
}
