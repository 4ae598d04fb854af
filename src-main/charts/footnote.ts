/**
 * The citation footnote every exported chart and CSV carries, as the MLPerf results guidelines
 * require: benchmark suite, version and division, benchmark and scenario, date and source of
 * retrieval, result IDs, the trademark notice; "Result not verified by MLCommons Association"
 * for the user's own runs; and a statement that derived metrics are not official.
 */
import type { Suite } from '../shared/api'
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { Footnote, Provenance } from '../shared/charts/citation'
import { compareRounds } from '../mlperf'
import { SCENARIO_ORDER, benchmarkNamer } from './chart-scope'

export type FootnoteInput = {
  suite: Suite
  rows: readonly ChartRow[]
  provenance: Provenance
  /** Derived metrics shown, each with its formula, e.g. "samples/J = samples/s ÷ measured W". */
  derived: readonly string[]
  /** Pairs or results left out as not comparable, with the reason. */
  exclusions?: readonly { subject: string; reason: string }[]
  /** Export date (ISO); the date the footnote is written. */
  exportedAt: string
}

export const TRADEMARK =
  'The MLPerf name and logo are trademarks of MLCommons Association in the United States and other countries. All rights reserved. Unauthorized use strictly prohibited. See www.mlcommons.org for more information.'

export const UNVERIFIED = 'Result not verified by MLCommons Association.'

function capitalise(s: string): string {
  return s === '' ? s : s[0]?.toUpperCase() + s.slice(1)
}

function day(iso: string): string {
  return iso.slice(0, 10)
}

/** "a, b and 3 more" once a list is longer than `max`. */
function clip(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

/** "resnet50 (Offline, Server)": benchmarks named as the results table names them. */
function benchmarkList(rows: readonly ChartRow[]): string[] {
  const name = benchmarkNamer(rows)
  const byBench = new Map<string, Set<string>>()
  for (const r of rows) {
    const set = byBench.get(name(r.benchmark)) ?? new Set<string>()
    if (r.scenario) set.add(r.scenario)
    byBench.set(name(r.benchmark), set)
  }
  return [...byBench]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([bench, scenarios]) => {
      const list = [...scenarios].sort(
        (a, b) => SCENARIO_ORDER.indexOf(a) - SCENARIO_ORDER.indexOf(b)
      )
      return list.length ? `${bench} (${list.join(', ')})` : bench
    })
}

/**
 * Exclusions one by one while they are few, else grouped by reason with counts (a reference
 * score can exclude hundreds of pairs for the same reason).
 */
function exclusionText(ex: readonly { subject: string; reason: string }[], max: number): string {
  if (ex.length <= max) return ex.map((e) => `${e.subject} (${e.reason})`).join('; ')
  const byReason = new Map<string, number>()
  for (const e of ex) byReason.set(e.reason, (byReason.get(e.reason) ?? 0) + 1)
  return [...byReason]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${n} × ${reason}`)
    .join('; ')
}

/** The footnote for the rows a chart or table shows. */
export function citationFootnote(input: FootnoteInput): Footnote {
  if (input.rows.length === 0) {
    // Nothing drawn: nothing to cite, and no half-empty sentence ("(no published results); .").
    const none = [`MLPerf™ ${capitalise(input.suite)}: no results shown.`, TRADEMARK]
    return { full: none, short: none }
  }
  const published = input.rows.filter((r) => !isLocal(r))
  const local = input.rows.length - published.length
  const suite = capitalise(input.suite)
  const rounds = [...new Set(published.map((r) => r.round))].sort(compareRounds)
  const divisions = [...new Set(published.map((r) => r.division))].map(capitalise).sort()
  const benches = benchmarkList(input.rows)
  const head =
    `MLPerf™ ${suite} ${rounds.length ? rounds.join(', ') : '(only your own runs, no published results)'}` +
    `${divisions.length ? ` ${divisions.join(', ')}` : ''}`
  const ids = [...new Set(published.map((r) => r.publicId).filter((x): x is string => !!x))]
  ids.sort()
  const withoutId = published.filter((r) => !r.publicId).length
  const repos = rounds.map((r) => `${input.suite}_results_${r}`)
  const p = input.provenance
  const sources: string[] = []
  if (p.lastImported) {
    const when =
      p.firstImported && day(p.firstImported) !== day(p.lastImported)
        ? `between ${day(p.firstImported)} and ${day(p.lastImported)}`
        : `on ${day(p.lastImported)}`
    sources.push(`imported into MLPerf Explorer ${when}`)
  }
  if (p.sampleRows > 0) sources.push(`bundled catalogue of MLPerf Explorer ${p.appVersion}`)
  const source = (max: number): string =>
    `Source: retrieved from github.com/mlcommons/${clip(repos, max) || `${input.suite}_results`}` +
    `${sources.length ? ` (${sources.join('; ')})` : ''}; exported ${day(input.exportedAt)}.`
  const idText = (max: number): string =>
    ids.length === 0
      ? 'Result IDs: none of these results carries a published ID in its source.'
      : `Result IDs: ${clip(ids, max)}${withoutId ? ` (${withoutId} results have no published ID in their source)` : ''}.`
  const lines = (maxIds: number, maxBench: number): string[] => {
    const benchText = clip(benches, maxBench)
    const out = [benchText ? `${head}; ${benchText}.` : `${head}.`]
    if (published.length > 0) out.push(source(maxBench), idText(maxIds))
    if (local > 0) {
      out.push(
        `${local} result${local === 1 ? ' is' : 's are'} your own run${local === 1 ? '' : 's'}: Unverified. ${UNVERIFIED}`
      )
    }
    if (input.derived.length > 0) {
      out.push(`Derived, not official MLPerf metrics: ${input.derived.join('; ')}.`)
    }
    const ex = input.exclusions ?? []
    if (ex.length > 0) {
      out.push(`Not compared (not comparable under MLPerf rules): ${exclusionText(ex, maxBench)}.`)
    }
    out.push(TRADEMARK)
    return out
  }
  return { full: lines(Infinity, Infinity), short: lines(12, 6) }
}

/** A footnote as a comment block parsers can skip (Papa.parse `comments: '#'`, pandas `comment='#'`). */
export function commentBlock(lines: readonly string[]): string {
  return lines.map((l) => `# ${l}`).join('\n') + '\n'
}
