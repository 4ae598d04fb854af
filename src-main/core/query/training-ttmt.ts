import type { TtmtView } from '../../shared/api'
import type { EvalPoint } from '../../shared/training'
import type { ReadonlyDb } from '../db/types'
import { defaultThresholds } from '../ingest/training/default-thresholds'
import { setTtmt, sortThresholds, speedupTable } from '../ingest/training/ttmt'
import { getTrainingResult } from '../repo/training-results'
import { QueryInputError } from './column-registry'
import { targetFor } from './training-thresholds'

/** A stored result set as the TTMT view needs it. */
export type TtmtSetInput = {
  id: number
  label: string
  round: string
  benchmark: string
  runs: { file: string; evals: EvalPoint[] }[]
  /** Where the result came from (the bundled catalogue keeps scores, not run logs). */
  origin?: string
}

/** A stored set with its runs' eval series (no log is parsed), or null when there is none. */
export function loadTtmtSet(db: ReadonlyDb, id: number): TtmtSetInput | null {
  const found = getTrainingResult(db, id)
  if (!found) return null
  const r = found.row
  const system = r.system_name ?? r.system_id
  return {
    id,
    label: `${String(r.round)} ${String(r.submitter)} ${String(system)} ${String(r.benchmark)}`,
    round: String(r.round),
    benchmark: String(r.benchmark),
    runs: found.detail.runs,
    origin: String(r.origin ?? '')
  }
}

/**
 * Time to multiple thresholds of one or more result sets of the same benchmark, on one shared
 * threshold ladder (the given thresholds, else the first set's default ladder), with the speedup
 * of the first set over the second when there are two. Every run of a set is included; a run
 * that never reached a threshold has no time for it and shows in the spread as `missing`.
 * Throws QueryInputError (invalid_input) when the sets cannot be compared.
 */
export function buildTtmtView(sets: readonly TtmtSetInput[], thresholds?: number[]): TtmtView {
  const first = sets[0]
  if (first === undefined) throw new QueryInputError('Give at least one result set.')
  const benchmarks = [...new Set(sets.map((s) => s.benchmark))]
  if (benchmarks.length > 1) {
    throw new QueryInputError(
      `Time to multiple thresholds compares result sets of one benchmark; these are ${sets
        .map((s) => `#${s.id} ${s.benchmark}`)
        .join(', ')}.`
    )
  }
  for (const s of sets) {
    if (s.runs.length === 0) {
      throw new QueryInputError(
        s.origin === 'bundled'
          ? `Result #${s.id} (${s.label}) has no run logs here: the bundled catalogue keeps only its score. Import the round's results repository to compare its runs.`
          : `Result #${s.id} (${s.label}) has no run logs: it was imported from a summary, which gives only the score.`
      )
    }
  }
  const specs = sets.map((s) => targetFor(s.round, s.benchmark))
  const spec = specs[0]
  if (spec === null || spec === undefined) {
    throw new QueryInputError(
      `No quality target is known for ${first.benchmark}, so it is not known whether its metric should rise or fall.`
    )
  }
  for (const [i, other] of specs.entries()) {
    if (other !== null && (other.direction !== spec.direction || other.scale !== spec.scale)) {
      throw new QueryInputError(
        `#${sets[i]?.id} (${sets[i]?.round}) and #${first.id} (${first.round}) log ${first.benchmark} quality on different scales; compare sets of rounds that log it the same way.`
      )
    }
  }
  const metric = spec.components[0]?.metric ?? null
  const ordered = sortThresholds([...(thresholds ?? defaultThresholds(spec))], spec.direction)
  if (ordered.length === 0) throw new QueryInputError('Give at least one finite threshold.')
  const results = sets.map((s) => ({
    id: s.id,
    label: s.label,
    ttmt: setTtmt(s.runs, ordered, spec.direction, metric)
  }))
  const [a, b] = results
  return {
    thresholds: ordered,
    direction: spec.direction,
    sets: results,
    speedup: results.length === 2 && a && b ? speedupTable(a.ttmt, b.ttmt) : null
  }
}
