/** Rows chosen by id for an action on several at once (check one, check all), kept to the rows still listed. */

/** `selected` with `ids` checked (`on`) or unchecked. */
export function withChecked(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The selected ids among `listed`, in the list's order: a row gone since (deleted, assigned) is no longer chosen. */
export function selectedAmong(selected: ReadonlySet<string>, listed: readonly string[]): string[] {
  return listed.filter((id) => selected.has(id));
}

/** Whether the "all" box is checked: every listed row is, and there is at least one. */
export function allSelected(selected: ReadonlySet<string>, listed: readonly string[]): boolean {
  return listed.length > 0 && listed.every((id) => selected.has(id));
}
