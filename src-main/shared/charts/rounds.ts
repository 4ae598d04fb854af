/**
 * Round names ("v0.5" … "v6.1") in release order. Plain string order is wrong ("v0.7" < "v0.5"
 * is false but "v10.0" < "v2.0" is true), so rounds compare by their numbers.
 */

/** [major, minor] of "v4.1" / "4.1"; null for names that are not a version ("local"). */
export function roundNumbers(round: string): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)/.exec(round.trim())
  if (!m) return null
  return [Number(m[1]), Number(m[2])]
}

/** Sort comparator: versions in release order, other names after them alphabetically. */
export function compareRounds(a: string, b: string): number {
  const x = roundNumbers(a)
  const y = roundNumbers(b)
  if (x && y) return x[0] - y[0] || x[1] - y[1]
  if (x) return -1
  if (y) return 1
  return a.localeCompare(b)
}

/** True when `round` is at or after `from` (both versions); false for non-version names. */
export function roundAtLeast(round: string, from: string): boolean {
  const x = roundNumbers(round)
  const y = roundNumbers(from)
  return x !== null && y !== null && (x[0] > y[0] || (x[0] === y[0] && x[1] >= y[1]))
}

/** Distinct rounds in release order. */
export function sortedRounds(rounds: Iterable<string>): string[] {
  return [...new Set(rounds)].sort(compareRounds)
}
