/** The ids of a form group's hint and error message, as the control's one `aria-describedby`. */
export function describedBy(hintId: string | undefined, errorId: string | undefined): string | undefined {
  const ids = [hintId, errorId].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The ids a form group gives its hint and error message: the control's id with `-hint` and `-error`. */
export const hintIdOf = (id: string) => `${id}-hint`;
export const errorIdOf = (id: string) => `${id}-error`;
