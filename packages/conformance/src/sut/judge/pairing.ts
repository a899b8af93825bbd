/**
 * Pairs the reference's items with the SUT run's items of the same key: first those at the
 * same instant, then the rest in time order. The pairs follow the reference's order; items
 * only one side has come as `{ w }` (missing) or `{ g }` (unexpected, after the others).
 *
 * Same-instant pairs must not cross: when a system answers late by about the gap between two
 * items of one key (two requests a minute apart, each sent a minute late), its first item lands
 * at the reference's second's instant. Pairing those two would pair the first reference item
 * with the second of the run — every later check off by one, a false FAIL on a correct system
 * (issue 12 build 5, variant `dh-831/legit-seller-1min-later`). A key whose pairs cross is
 * paired in time order instead.
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
  const inTime = new Map([...open].map(([k, list]) => [k, [...list].sort(byTime)]));
  const take = (w: T, fits: (g: T) => boolean) => {
    const list = open.get(key(w)) ?? [];
    const at = list.findIndex(fits);
    return at < 0 ? undefined : list.splice(at, 1)[0];
  };
  const matched = want.map((w) => take(w, (g) => g.atMs === w.atMs));
  let pairs = want.map((w, i) => ({ w, g: matched[i] ?? take(w, () => true) }));
  const crossing = crossingKeys(pairs, key);
  if (crossing.size > 0) {
    // Those keys again, in time order: the i-th of the reference with the i-th of the run.
    for (const k of crossing) open.set(k, [...(inTime.get(k) ?? [])]);
    pairs = pairs.map(({ w, g }) =>
      crossing.has(key(w)) ? { w, g: open.get(key(w))?.shift() } : { w, g },
    );
  }
  const rest = [...open.values()].flat().sort(byTime);
  return [
    ...pairs.map(({ w, g }) => (g === undefined ? { w } : { w, g })),
    ...rest.map((g) => ({ g })),
  ];
}

const byTime = (x: { atMs: number }, y: { atMs: number }) => x.atMs - y.atMs;

/** The keys where a later reference item is paired with an earlier run item than an earlier one. */
function crossingKeys<T extends { atMs: number }>(
  pairs: readonly { w: T; g: T | undefined }[],
  key: (item: T) => string,
): Set<string> {
  const latest = new Map<string, number>();
  const crossing = new Set<string>();
  for (const { w, g } of pairs) {
    if (g === undefined) continue;
    const k = key(w);
    if (g.atMs < (latest.get(k) ?? Number.NEGATIVE_INFINITY)) crossing.add(k);
    latest.set(k, Math.max(g.atMs, latest.get(k) ?? Number.NEGATIVE_INFINITY));
  }
  return crossing;
}
