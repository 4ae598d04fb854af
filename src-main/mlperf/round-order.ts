/**
 * Round names and their order. Rounds are spelled as the submission checker and the results
 * repositories spell them ("v4.1"); they compare by their numbers, never as text ("v10.0" comes
 * after "v9.0", "v0.7" after "v0.5"). Names that are not a version ("local" for the user's own
 * runs, "unknown") sort after every version.
 */

/** [major, minor] of "v4.1" / "4.1" / "v4.1.0"; null for names that are not a version. */
export function roundNumbers(round: string): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/i.exec(round.trim())
  if (!m) return null
  return [Number(m[1]), Number(m[2])]
}

/** "4.1", "V4.1", "v4.1.0", 4.1 → "v4.1"; null when the text is not a round number. */
export function canonicalRound(value: string | number): string | null {
  const text = typeof value === 'number' ? value.toFixed(1) : value
  const n = roundNumbers(text)
  return n === null ? null : `v${n[0]}.${n[1]}`
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

/** True when `round` is at or after `from` (both versions); false for names that are not. */
export function roundAtLeast(round: string, from: string): boolean {
  const x = roundNumbers(round)
  const y = roundNumbers(from)
  return x !== null && y !== null && (x[0] > y[0] || (x[0] === y[0] && x[1] >= y[1]))
}

/** Distinct rounds in release order. */
export function sortedRounds(rounds: Iterable<string>): string[] {
  return [...new Set(rounds)].sort(compareRounds)
}
