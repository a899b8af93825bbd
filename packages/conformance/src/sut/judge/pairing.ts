/**
 * Pairs the reference's items with the SUT run's items of the same key: first those at the
 * same instant, then the rest in time order. The pairs follow the reference's order; items
 * only one side has come as `{ w }` (missing) or `{ g }` (unexpected, after the others).
 *
 * @example pairByKey(referenceMessages, runMessages, (e) => `${e.from}|${e.to}|${e.messageCode}`)
 */
export function pairByKey<T extends { atMs: number }>(
  want: readonly T[],
  got: readonly T[],
  key: (item: T) => string,
): { w?: T; g?: T }[] {
  const open = new Map<string, T[]>();
  for (const g of got) {
    const list = open.get(key(g));
    if (list === undefined) open.set(key(g), [g]);
    else list.push(g);
  }
  const take = (w: T, fits: (g: T) => boolean) => {
    const list = open.get(key(w)) ?? [];
    const at = list.findIndex(fits);
    return at < 0 ? undefined : list.splice(at, 1)[0];
  };
  const matched = want.map((w) => take(w, (g) => g.atMs === w.atMs));
  const pairs = want.map((w, i) => ({ w, g: matched[i] ?? take(w, () => true) }));
  const rest = [...open.values()].flat().sort((x, y) => x.atMs - y.atMs);
  return [
    ...pairs.map(({ w, g }) => (g === undefined ? { w } : { w, g })),
    ...rest.map((g) => ({ g })),
  ];
}
