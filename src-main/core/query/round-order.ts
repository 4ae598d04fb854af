/**
 * Rounds in release order inside SQL. Round names are text ("v0.5" … "v6.1"), and text order is
 * wrong once a major version reaches two digits ("v10.0" < "v2.0"), so sorts and the round facet
 * use this integer key: major × 1000 + minor for "vX.Y", −1 for names that are not a version
 * ("local", "unknown"), which therefore come after every round when newest come first.
 *
 * Migration 0080 indexes exactly this expression (over `round`) on both result tables; SQLite
 * uses an expression index only when the query spells the same expression, which the
 * EXPLAIN QUERY PLAN tests check.
 */
export function roundOrderSql(column: string): string {
  return (
    `(CASE WHEN ${column} GLOB 'v[0-9]*.[0-9]*' ` +
    `THEN CAST(substr(${column}, 2, instr(${column}, '.') - 2) AS INTEGER) * 1000 + ` +
    `CAST(substr(${column}, instr(${column}, '.') + 1) AS INTEGER) ELSE -1 END)`
  )
}

/** SQLite's CAST(text AS INTEGER): the leading integer, 0 when there is none. */
function castInteger(text: string): number {
  const m = /^\s*([+-]?\d+)/.exec(text)
  return m?.[1] === undefined ? 0 : Number(m[1])
}

/** The same key in JavaScript, for orderings done outside SQL (facets counted in one pass). */
export function roundOrderKey(round: string): number {
  if (!/^v[0-9].*\.[0-9]/s.test(round)) return -1
  const dot = round.indexOf('.')
  return castInteger(round.slice(1, dot)) * 1000 + castInteger(round.slice(dot + 1))
}
