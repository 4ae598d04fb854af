/**
 * The pure steps under the scale chart. Inference: the fastest closed result of each
 * benchmark, scenario and round, and the accelerator count behind it, line by line. Training:
 * every result's time to train against its accelerators, per benchmark, with the front of the
 * fastest result at each scale. No ECharts here: the chart draws what these return.
 */
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import { compareWorkloads } from './chart-scope'
import { paretoFront } from './chart-stats'
import { bump } from './chart-types'
import { bestPerRound } from './direction'
import { sortedRounds } from '../mlperf'

/** The fastest published closed result per workload and round (direction-aware). */
export function fastestPerRound(rows: readonly ChartRow[]): Map<string, Map<string, ChartRow>> {
  return bestPerRound(rows, (r) =>
    r.value !== null && r.value > 0 ? `${r.benchmark}|${r.scenario ?? ''}` : null
  )
}

/** Inference: the closed, valid, published results; the others counted by reason. */
export function closedPublished(
  rows: readonly ChartRow[],
  dropped: Map<string, number>
): ChartRow[] {
  const eligible: ChartRow[] = []
  for (const r of rows) {
    if (isLocal(r)) bump(dropped, 'your own runs (unverified)')
    else if (r.division !== 'closed') bump(dropped, `${r.division}-division results`)
    else if (!r.valid) bump(dropped, 'marked invalid')
    else eligible.push(r)
  }
  return eligible
}

/** One line: a workload's accelerator count per round ('-' where none is drawn). */
export type ScaleLine = { key: string; benchmark: string; scenario: string; data: (number | '-')[] }

export type ScaleLines = {
  fastest: Map<string, Map<string, ChartRow>>
  /** Workload keys ("benchmark|scenario") in axis order. */
  keys: string[]
  rounds: string[]
  lines: ScaleLine[]
  /** Benchmarks in key order, and the rounds each is seen in (summed over scenarios). */
  benchmarks: string[]
  roundsSeen: Map<string, number>
  /** The fastest results drawn, line by line. */
  plotted: { key: string; row: ChartRow }[]
  /** Fastest results of CPU-only systems (no count to draw on the log axis). */
  cpuOnly: number
}

/** Inference: the fastest result's accelerator count per workload and round. */
export function scaleLines(eligible: readonly ChartRow[]): ScaleLines {
  const fastest = fastestPerRound(eligible)
  const keys = [...fastest.keys()].sort((a, b) => {
    const [ba = '', sa = ''] = a.split('|')
    const [bb = '', sb = ''] = b.split('|')
    return compareWorkloads({ benchmark: ba, scenario: sa }, { benchmark: bb, scenario: sb })
  })
  const rounds = sortedRounds([...fastest.values()].flatMap((m) => [...m.keys()]))
  const benchmarks = [...new Set(keys.map((k) => k.split('|')[0] ?? ''))]
  const roundsSeen = new Map<string, number>()
  for (const key of keys) {
    const b = key.split('|')[0] ?? ''
    roundsSeen.set(b, (roundsSeen.get(b) ?? 0) + (fastest.get(key)?.size ?? 0))
  }
  const plotted: { key: string; row: ChartRow }[] = []
  let cpuOnly = 0
  const lines = keys.map((key): ScaleLine => {
    const [benchmark = '', scenario = ''] = key.split('|')
    const byRound = fastest.get(key) ?? new Map<string, ChartRow>()
    const data = rounds.map((round): number | '-' => {
      const r = byRound.get(round)
      if (!r) return '-'
      if (r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
        cpuOnly++
        return '-'
      }
      plotted.push({ key, row: r })
      return r.acceleratorsTotal
    })
    return { key, benchmark, scenario, data }
  })
  return { fastest, keys, rounds, lines, benchmarks, roundsSeen, plotted, cpuOnly }
}

/**
 * Training: the valid results with a score and an accelerator count, by benchmark (the others
 * counted by reason).
 */
export function trainingByBenchmark(
  rows: readonly ChartRow[],
  dropped: Map<string, number>
): Map<string, ChartRow[]> {
  const byBench = new Map<string, ChartRow[]>()
  for (const r of rows) {
    if (!r.valid) bump(dropped, 'marked invalid')
    else if (r.value === null || !(r.value > 0)) bump(dropped, 'no score')
    else if (r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
      bump(dropped, 'no accelerator count (CPU-only or not stated)')
    } else {
      const list = byBench.get(r.benchmark) ?? []
      list.push(r)
      byBench.set(r.benchmark, list)
    }
  }
  return byBench
}

/**
 * Training: the fastest result at each scale or smaller (minimising both accelerators and
 * minutes): the indexes into `list`, and the front as [accelerators, minutes] by scale.
 */
export function fastestAtScale(list: readonly ChartRow[]): {
  idx: number[]
  points: number[][]
} {
  const idx = paretoFront(list.map((r) => [-(r.acceleratorsTotal ?? 0), -(r.value ?? 0)]))
  const points = idx
    .map((k) => list[k])
    .filter((r): r is ChartRow => r !== undefined)
    .map((r) => [r.acceleratorsTotal ?? 1, r.value ?? 0])
    .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))
  return { idx, points }
}
