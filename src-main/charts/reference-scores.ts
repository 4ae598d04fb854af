/**
 * The pure steps under the reference-score chart: each system's comparable pairs with the
 * reference system (one per benchmark and scenario both ran), their speedups and the geometric
 * mean of those as the system's score; then which systems are drawn and how their rows are
 * labelled. No ECharts here: the chart draws what these return.
 */
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { SystemKey } from '../shared/charts/chart-view'
import { systemKeyText } from '../shared/charts/chart-view'
import { workloadLabel } from './chart-scope'
import { geometricMean } from './chart-stats'
import type { Exclusion } from './chart-types'
import { comparability, toComparable } from './comparability'
import { betterRatio, directionOf } from './direction'
import { acceleratorText, systemLabel } from './row-text'

/**
 * Most systems drawn as bars (the highest scores, and the reference). Every scored system is
 * drawn up to this many, and the subtitle states how many are drawn: the count drawn is the
 * count stated.
 */
export const MAX_REFERENCE_BARS = 120

/** A system's speedup over the reference on one benchmark and scenario. */
export type ScorePair = { row: ChartRow; ref: ChartRow; speedup: number }

export type SystemScore = {
  key: string
  /** "Acme X8 (v4.1)": the system and its round (tooltips, CSV). */
  label: string
  /** "Acme X8": the system alone (the bar's label; its round is in `meta`). */
  system: string
  /** "NVIDIA H100-SXM-80GB × 8 · v4.1 · ID 4.1-0067": what tells two similar systems apart. */
  meta: string
  local: boolean
  isReference: boolean
  /** Per benchmark–scenario speedup over the reference. */
  pairs: ScorePair[]
  /** Geometric mean of the pairs' speedups. */
  score: number
}

const systemKey = (r: ChartRow): string =>
  systemKeyText({ round: r.round, submitter: r.submitter, systemId: r.systemId })

const workloadKey = (r: ChartRow): string => `${r.benchmark}|${r.scenario ?? ''}`

/** The results that can be scored (positive, and valid unless the user's own), by system. */
function bySystem(rows: readonly ChartRow[]): Map<string, ChartRow[]> {
  const systems = new Map<string, ChartRow[]>()
  for (const r of rows) {
    if (r.value === null || !(r.value > 0)) continue
    if (!r.valid && !isLocal(r)) continue
    const list = systems.get(systemKey(r)) ?? []
    list.push(r)
    systems.set(systemKey(r), list)
  }
  return systems
}

/**
 * A system's pairs with the reference: the speedup of each result over the reference's result
 * of its workload (latencies inverted); pairs MLPerf does not compare go to `exclusions`.
 */
export function scorePairs(
  list: readonly ChartRow[],
  refByWorkload: ReadonlyMap<string, ChartRow>,
  exclusions: Exclusion[]
): ScorePair[] {
  const pairs: ScorePair[] = []
  for (const r of list) {
    const ref = refByWorkload.get(workloadKey(r))
    if (!ref) continue
    const c = comparability(toComparable(ref), toComparable(r))
    if (!c.ok) {
      exclusions.push({
        subject: `${systemLabel(r)} (${r.round}) ${workloadLabel(r)}`,
        reason: c.reason
      })
      continue
    }
    const s = betterRatio(r.value, ref.value, directionOf(ref.unit, ref.metric))
    if (s !== null) pairs.push({ row: r, ref, speedup: s })
  }
  return pairs
}

/** A scored system, named by its first result (an unverified one says so). */
function systemScore(
  key: string,
  first: ChartRow,
  list: readonly ChartRow[],
  pairs: ScorePair[],
  score: number,
  refText: string
): SystemScore {
  const id = list.find((r) => r.publicId)?.publicId
  return {
    key,
    label: `${systemLabel(first)} (${first.round})${isLocal(first) ? ' · unverified' : ''}`,
    system: `${systemLabel(first)}${isLocal(first) ? ' · unverified' : ''}`,
    meta: [acceleratorText(first), first.round, id ? `ID ${id}` : null]
      .filter((x) => x !== null)
      .join(' · '),
    local: isLocal(first),
    isReference: key === refText,
    pairs,
    score
  }
}

/** Scores every system against the reference, highest first. */
export function referenceScores(
  rows: readonly ChartRow[],
  reference: SystemKey
): { scores: SystemScore[]; exclusions: Exclusion[]; refRows: ChartRow[] } {
  const refText = systemKeyText(reference)
  const refRows = rows.filter((r) => systemKey(r) === refText && r.value !== null && r.value > 0)
  const refByWorkload = new Map(refRows.map((r) => [workloadKey(r), r]))
  const exclusions: Exclusion[] = []
  const scores: SystemScore[] = []
  for (const [key, list] of bySystem(rows)) {
    const pairs = scorePairs(list, refByWorkload, exclusions)
    const score = geometricMean(pairs.map((p) => p.speedup))
    const first = list[0]
    if (score === null || !first) continue
    scores.push(systemScore(key, first, list, pairs, score, refText))
  }
  scores.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
  return { scores, exclusions, refRows }
}

/**
 * The systems drawn: every one up to MAX_REFERENCE_BARS, else the highest scores with the
 * reference in place of the last.
 */
export function shownScores(scores: readonly SystemScore[]): readonly SystemScore[] {
  if (scores.length <= MAX_REFERENCE_BARS) return scores
  const top = scores.slice(0, MAX_REFERENCE_BARS)
  const refScore = scores.find((s) => s.isReference)
  return refScore && !top.includes(refScore) ? [...top.slice(0, -1), refScore] : top
}

/** Shortened in the middle, so both the start and the distinguishing end stay readable. */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text
  const keep = max - 1
  return `${text.slice(0, Math.ceil(keep * 0.6))}…${text.slice(text.length - Math.floor(keep * 0.4))}`
}

/** The bar's name line: the system, clipped to 54 characters. */
export function drawnName(s: SystemScore): string {
  return clipMiddle(s.system, 54)
}

/**
 * The detail line of each drawn row: labels that would read the same get the system id, so no
 * two rows look alike.
 */
export function rowMetas(ordered: readonly SystemScore[]): (s: SystemScore) => string {
  const sameLabel = new Map<string, number>()
  for (const s of ordered) {
    const k = `${drawnName(s)}\u0000${s.meta}`
    sameLabel.set(k, (sameLabel.get(k) ?? 0) + 1)
  }
  return (s) =>
    (sameLabel.get(`${drawnName(s)}\u0000${s.meta}`) ?? 0) > 1
      ? `${s.meta} · ${s.key.split('/').slice(2).join('/')}`
      : s.meta
}
