/**
 * The pure step under the TTMT chart: the curves to draw (every run, each set's mean, or both)
 * as [threshold, minutes] points, their colours and legend names, and what the chart must say
 * about the points it cannot draw (thresholds never reached, times ≤ 0 on a log axis).
 */
import type { TtmtView } from '../shared/api'
import { colourOrOther, plural, runLabel, shortLabels } from './training-chart-util'

export type TtmtMeasure = 'both' | 'tta' | 'attmt'

export type TtmtKind = 'TTA' | 'ATTMT'

/** One point: [threshold, minutes]; minutes null where the threshold was never reached. */
export type TtmtPoint = [number, number | null]

export type TtmtCurve = {
  name: string
  kind: TtmtKind
  color: string
  /** A run drawn faint behind its set's mean. */
  faint: boolean
  /** A set's mean (drawn on top). */
  mean: boolean
  /** Has a colour of its own (not folded into "Other" in the legend). */
  coloured: boolean
  data: TtmtPoint[]
}

export type TtmtCurves = {
  curves: TtmtCurve[]
  /** Every time drawn (the time axis spans them). */
  times: number[]
  /** Points whose threshold was never reached. */
  unreached: number
  /** Times ≤ 0 left out on the log scale. */
  dropped: number
}

export type CurveOptions = {
  measure?: TtmtMeasure
  showRuns?: boolean
  showMeans?: boolean
  yScale?: 'linear' | 'log'
}

/** The curves of the kinds of `measure`, in drawing order. */
export function kindsOf(measure: TtmtMeasure): TtmtKind[] {
  return measure === 'both' ? ['TTA', 'ATTMT'] : measure === 'tta' ? ['TTA'] : ['ATTMT']
}

/**
 * Every curve: per set, its runs (one set: shown by default, a colour per run; several: the
 * set's colour, faint behind the mean) then its means (shown by default for several sets).
 * Ten runs or sets are coloured, the rest go under one "Other" legend entry.
 */
export function ttmtCurves(view: TtmtView, options: CurveOptions): TtmtCurves {
  const several = view.sets.length > 1
  const showRuns = options.showRuns ?? !several
  const showMeans = options.showMeans ?? several
  const log = options.yScale === 'log'
  const kinds = kindsOf(options.measure ?? 'both')
  const out: TtmtCurves = { curves: [], times: [], unreached: 0, dropped: 0 }
  const points = (values: readonly (number | null | undefined)[]): TtmtPoint[] =>
    view.thresholds.map((t, i) => {
      const minutes = values[i] ?? null
      if (minutes === null) {
        out.unreached++
        return [t, null]
      }
      if (log && !(minutes > 0)) {
        out.dropped++
        return [t, null]
      }
      out.times.push(minutes)
      return [t, minutes]
    })
  const labels = shortLabels(view.sets.map((s) => s.label))
  view.sets.forEach((set, setIndex) => {
    const prefix = several ? `${labels[setIndex] ?? set.label} · ` : ''
    if (showRuns) {
      set.ttmt.runs.forEach((run, runIndex) => {
        const index = several ? setIndex : runIndex
        for (const kind of kinds) {
          out.curves.push({
            name: `${prefix}${runLabel(run.file)} ${kind}`,
            kind,
            color: colourOrOther(index),
            faint: several && showMeans,
            mean: false,
            coloured: index < 10,
            data: points(kind === 'TTA' ? run.tta : run.attmt)
          })
        }
      })
    }
    if (showMeans) {
      for (const kind of kinds) {
        const spreads = kind === 'TTA' ? set.ttmt.tta : set.ttmt.attmt
        out.curves.push({
          name: `${prefix}mean ${kind}`,
          kind,
          color: colourOrOther(setIndex),
          faint: false,
          mean: true,
          coloured: setIndex < 10,
          data: points(view.thresholds.map((_, i) => spreads[i]?.mean ?? null))
        })
      }
    }
  })
  return out
}

/** What the chart says under its title: no thresholds, nothing reached, gaps, dropped times. */
export function ttmtNotes(thresholds: readonly number[], c: TtmtCurves): string[] {
  const notes: string[] = []
  if (thresholds.length === 0) notes.push('No thresholds.')
  else if (c.times.length === 0) notes.push('No run reached any of these thresholds.')
  else if (c.unreached > 0) notes.push('Gaps: threshold not reached.')
  if (c.dropped > 0) notes.push(`${plural(c.dropped, 'time')} ≤ 0 left out on the log scale.`)
  return notes
}
