/**
 * Words shared by the chart builders: the scope of the results in a title ("v4.1 · Closed"),
 * benchmark–scenario labels and the group (colour) keys.
 */
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import { compareRounds } from '../mlperf'

export const SCENARIO_ORDER: readonly string[] = [
  'Offline',
  'Server',
  'Interactive',
  'SingleStream',
  'MultiStream'
]

function capitalise(s: string): string {
  return s === '' ? s : (s[0]?.toUpperCase() ?? '') + s.slice(1)
}

/** "v3.0, v4.1 · Closed": rounds and divisions of the published rows. */
export function scopeText(rows: readonly ChartRow[]): string {
  const published = rows.filter((r) => !isLocal(r))
  const rounds = [...new Set(published.map((r) => r.round))].sort(compareRounds)
  const divisions = [...new Set(published.map((r) => r.division))].map(capitalise).sort()
  const roundText =
    rounds.length > 4 ? `${rounds[0]}–${rounds[rounds.length - 1]}` : rounds.join(', ')
  return [roundText, divisions.join(', ')].filter((s) => s !== '').join(' · ')
}

/** Sort key of a benchmark–scenario pair: benchmark name, then the usual scenario order. */
export function compareWorkloads(
  a: { benchmark: string; scenario: string | null },
  b: { benchmark: string; scenario: string | null }
): number {
  return (
    a.benchmark.localeCompare(b.benchmark) ||
    SCENARIO_ORDER.indexOf(a.scenario ?? '') - SCENARIO_ORDER.indexOf(b.scenario ?? '')
  )
}

/** How a chart names a benchmark: by the name the results table shows for it. */
export type BenchmarkNamer = (benchmark: string) => string

/** Names benchmarks as they are (training rows, tests). */
export const SAME_NAME: BenchmarkNamer = (b) => b

/**
 * The table's name for each MLPerf model among `rows`. Charts group by the MLPerf model (the
 * checker's mapping: resnet50 → resnet, ssd-resnet34 → ssd-large) so that one benchmark is one
 * group across rounds, but they label it with the Benchmark the table shows: the name most of
 * the group's results were submitted under (ties: the newest round's), e.g. "resnet50".
 */
export function benchmarkNamer(rows: readonly ChartRow[]): BenchmarkNamer {
  // Counted in one pass (charts of 100,000 rows call this); rounds compared once per name.
  type Count = { n: number; rounds: Set<string> }
  const counts = new Map<string, Map<string, Count>>()
  // The user's runs name their model as they like; they only name a benchmark nobody published.
  const named = new Set<string>()
  for (const r of rows) if (!isLocal(r)) named.add(r.benchmark)
  for (const r of rows) {
    if (isLocal(r) && named.has(r.benchmark)) continue
    const name = r.usedModel ?? r.benchmark
    if (name === '') continue
    let byName = counts.get(r.benchmark)
    if (!byName) counts.set(r.benchmark, (byName = new Map<string, Count>()))
    let c = byName.get(name)
    if (!c) byName.set(name, (c = { n: 0, rounds: new Set<string>() }))
    c.n++
    c.rounds.add(r.round)
  }
  const newest = (rounds: Set<string>): string => [...rounds].sort(compareRounds).pop() ?? ''
  const names = new Map<string, string>()
  for (const [benchmark, byName] of counts) {
    const best = [...byName]
      .map(([name, c]) => ({ name, n: c.n, round: newest(c.rounds) }))
      .sort(
        (a, b) => b.n - a.n || compareRounds(b.round, a.round) || a.name.localeCompare(b.name)
      )[0]
    names.set(benchmark, best?.name ?? benchmark)
  }
  return (b) => names.get(b) ?? b
}

/** "resnet50 Offline" (training rows have no scenario), the benchmark named as in the table. */
export function workloadLabel(
  r: { benchmark: string; scenario: string | null },
  name: BenchmarkNamer = SAME_NAME
): string {
  const b = name(r.benchmark)
  return r.scenario ? `${b} ${r.scenario}` : b
}

/** The newest round among the published rows (null when there are none). */
export function newestRound(rows: readonly ChartRow[]): string | null {
  let newest: string | null = null
  for (const r of rows) {
    if (isLocal(r)) continue
    if (newest === null || compareRounds(r.round, newest) > 0) newest = r.round
  }
  return newest
}

/**
 * Picks the `max` largest groups by count and folds the rest into "Other", so a legend stays
 * readable with hundreds of submitters.
 */
export function topGroups(counts: ReadonlyMap<string, number>, max: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([k]) => k)
}
