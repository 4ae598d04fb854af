/**
 * Words shared by the chart builders: the scope of the results in a title ("v4.1 · Closed"),
 * benchmark–scenario labels and the group (colour) keys.
 */
import type { ChartRow } from './chart-points'
import { isLocal } from './chart-points'
import { compareRounds } from '../../mlperf'

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
  const divisions = [...new Set(published.map((r) => capitalise(r.division)))].sort()
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

/** "resnet Offline" (training rows have no scenario). */
export function workloadLabel(r: { benchmark: string; scenario: string | null }): string {
  return r.scenario ? `${r.benchmark} ${r.scenario}` : r.benchmark
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
