// Figures that must be hidden together, such as a rate's numerator and denominator: publishing one
// half of a suppressed rate, next to its published rate, would give the other half away.

/** Each id → every id it is linked with, directly or through a chain of overlapping groups. */
export function linkedClasses(groups: readonly (readonly string[])[]): Map<string, readonly string[]> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) root = next;
    parent.set(id, root);
    return root;
  };
  for (const group of groups) {
    const [first, ...rest] = group;
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const id of rest) {
      if (!parent.has(id)) parent.set(id, id);
      parent.set(find(id), find(first));
    }
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const classes = new Map<string, readonly string[]>();
  for (const list of members.values()) for (const id of list) classes.set(id, list);
  return classes;
}
