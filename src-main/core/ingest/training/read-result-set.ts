/**
 * Reads one training result set (found by tree-scan) into a TrainingResultRecord: every run
 * parsed, the system description, scaling.json, and the official score. Bad input yields a
 * SkippedItem with the path and a reason; one bad file never throws, and a run that cannot be
 * read counts as a failed run, as it does for the official summarizer.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import type { SkippedItem } from '../../../shared/api'
import type { TrainingResultRecord, TrainingRun, TrainingRunDetail } from '../../../shared/training'
import { readTextSafe } from '../file-safety'
import { UnknownLogFormatError } from './log-line'
import { parseTrainingLog } from './parse-log'
import type { ParsedTrainingLog } from './parse-log'
import { olympicEnergy, runEnergy } from './energy'
import { detectTrainingRound } from './round-detect'
import { olympicAverage, scoreTrainingRuns } from './score'
import type { TrainingSystemInfo } from './system-info'
import { normaliseAvailability, parseTrainingSystemFile, parseV05Entry } from './system-info'
import {
  TRAINING_ENERGY_UNIT,
  UNSURE_END_MARKER_ROUNDS,
  allowedBenchmarks,
  benchmarkAlias,
  olympicDropCount,
  resolveRound,
  runsRequired,
  trainingTarget
} from '../../../mlperf'
import type { TrainingSetLocation } from './tree-scan'
import { describeTrainingSet } from './tree-scan'

/** System descriptions read once per import. */
export type TrainingReadContext = {
  systemCache: Map<string, TrainingSystemInfo | { error: string }>
}

export function createTrainingReadContext(): TrainingReadContext {
  return { systemCache: new Map() }
}

export type TrainingReadOptions = {
  /** Round set for the import, used when the path does not name one (a user's own logs). */
  round?: string | null
}

export type TrainingReadResult =
  | { record: TrainingResultRecord; runs: TrainingRun[]; filesRead: number }
  | { skipped: SkippedItem; filesRead: number }

/** Text of a file, or null when missing or refused (file-safety.ts says why in the report). */
async function readText(p: string, encoding: BufferEncoding = 'utf8'): Promise<string | null> {
  return readTextSafe(p, encoding)
}

async function readSystem(
  loc: TrainingSetLocation,
  ctx: TrainingReadContext
): Promise<TrainingSystemInfo | { error: string } | null> {
  if (loc.systemFile === null) return null
  const key = `${loc.systemFile}|${loc.submissionFile ?? ''}`
  const cached = ctx.systemCache.get(key)
  if (cached) return cached
  let result: TrainingSystemInfo | { error: string }
  const raw = await readText(loc.systemFile)
  if (raw === null) {
    result = { error: `cannot read ${loc.systemFile}` }
  } else {
    try {
      if (loc.layout === 'v0.5') {
        const submission = loc.submissionFile === null ? null : await readText(loc.submissionFile)
        result = parseV05Entry(raw, submission)
      } else {
        result = parseTrainingSystemFile(raw)
      }
    } catch (e) {
      result = {
        error: `${path.basename(loc.systemFile)}: ${e instanceof Error ? e.message : String(e)}`
      }
    }
  }
  ctx.systemCache.set(key, result)
  return result
}

/** scaling.json's scaling_factor; 1 when the file is absent. */
async function readScaling(dir: string, notes: string[]): Promise<number> {
  const raw = await readText(path.join(dir, 'scaling.json'))
  if (raw === null) return 1
  try {
    const parsed = JSON.parse(raw.replace(/^\uFEFF/, '')) as unknown
    if (parsed !== null && typeof parsed === 'object' && 'scaling_factor' in parsed) {
      const f = parsed.scaling_factor
      if (typeof f === 'number' && Number.isFinite(f) && f > 0) return f
    }
    notes.push('scaling.json has no usable scaling_factor; factor 1 used.')
  } catch {
    notes.push('scaling.json is not valid JSON; factor 1 used.')
  }
  return 1
}

function failedRun(file: string, reason: string): TrainingRun {
  return {
    file,
    status: 'failed',
    timeToTrainMs: null,
    minutes: null,
    reason,
    converged: false,
    reachedTarget: null,
    evals: [],
    target: null,
    direction: null,
    valueScale: 1,
    logBenchmark: null,
    format: null,
    runFinalMs: null,
    ignoredLines: 0,
    malformedLines: 0
  }
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  let n = 0
  for (const [v, c] of counts) {
    if (c > n) {
      best = v
      n = c
    }
  }
  return best
}

/**
 * The set's energy when it is a power submission (a power/ folder next to the logs), as the
 * summarizer computes it (energy.ts); null, with the reason in the notes, when it cannot be had.
 */
async function setEnergy(
  loc: TrainingSetLocation,
  runs: readonly TrainingRun[],
  benchmark: string,
  scalingFactor: number,
  notes: string[]
): Promise<number | null> {
  const converged: { minutes: number; joules: number }[] = []
  for (const r of runs) {
    if (!r.converged || r.minutes === null || r.timeToTrainMs === null) continue
    try {
      converged.push({
        minutes: r.minutes,
        joules: await runEnergy(loc.dir, r.file, r.timeToTrainMs)
      })
    } catch (e) {
      notes.push(
        `Power: no energy for the set: ${e instanceof Error ? e.message : String(e)} (the summarizer stops on this too).`
      )
      return null
    }
  }
  const failed = runs.length - converged.length
  const k = olympicDropCount(benchmark)
  const mean = failed > k ? null : olympicEnergy(converged, failed, k)
  if (mean === null) {
    notes.push('Power: too few converged runs for an olympic mean of their energy.')
    return null
  }
  notes.push(
    `Power: energy ${mean * scalingFactor} J = olympic mean of ${converged.length} runs' energy (ordered by time to train)` +
      `${scalingFactor !== 1 ? ` × scaling factor ${scalingFactor}` : ''}, from power/result_*/node_*.txt and sw_*.txt as the result_summarizer computes it.`
  )
  return mean * scalingFactor
}

/** Read and score one result set. */
export async function readTrainingResultSet(
  loc: TrainingSetLocation,
  ctx: TrainingReadContext = createTrainingReadContext(),
  options: TrainingReadOptions = {}
): Promise<TrainingReadResult> {
  const notes: string[] = []
  let filesRead = 0
  const folderBenchmark = benchmarkAlias(loc.benchmarkDir)
  const folderKnown =
    trainingTarget(null, folderBenchmark) !== null || runsRequired(folderBenchmark) !== null
  const skip = (reason: string): TrainingReadResult => ({
    skipped: { path: loc.dir, reason },
    filesRead
  })

  // The round: the path's, else the one set for the import, else the logs decide (below).
  let round: string | null = loc.round ?? options.round ?? null
  // The round whose rules apply: its own, or the latest known for a newer round.
  let rules: string | null = null
  if (round !== null) {
    const resolved = resolveRound('training', round)
    if (resolved.kind === 'invalid') return skip(resolved.error)
    round = resolved.round
    rules = resolved.rules
    if (resolved.kind === 'newer') notes.push(resolved.note)
    if (loc.round === null) notes.push(`Round ${round} set for this import.`)
  }

  if (loc.strayDirs.some((d) => d !== 'power')) {
    notes.push(
      `Sub-folder(s) ${loc.strayDirs.filter((d) => d !== 'power').join(', ')} inside the set ignored: only result files directly in the benchmark folder are scored.`
    )
  }

  const texts: (string | null)[] = []
  for (const name of loc.resultFiles) {
    // The official parser reads logs as latin-1; so do we (no decoding failures on stray bytes).
    const text = await readText(path.join(loc.dir, name), 'latin1')
    if (text !== null) filesRead++
    texts.push(text)
  }
  const parseAll = (
    parseRound: string | null
  ): { parsedLogs: (ParsedTrainingLog | null)[]; runs: TrainingRun[] } => {
    const parsedLogs: (ParsedTrainingLog | null)[] = []
    const runs: TrainingRun[] = []
    loc.resultFiles.forEach((name, i) => {
      const text = texts[i] ?? null
      if (text === null) {
        runs.push(failedRun(name, 'The file cannot be read.'))
        parsedLogs.push(null)
        return
      }
      try {
        const parsed = parseTrainingLog(text, {
          file: name,
          round: parseRound,
          benchmark: loc.layout === 'loose' && !folderKnown ? null : folderBenchmark
        })
        parsedLogs.push(parsed)
        runs.push(parsed.run)
      } catch (e) {
        const why =
          e instanceof UnknownLogFormatError
            ? e.message
            : `cannot parse: ${e instanceof Error ? e.message : String(e)}`
        runs.push(failedRun(name, why))
        parsedLogs.push(null)
      }
    })
    return { parsedLogs, runs }
  }
  let { parsedLogs, runs } = parseAll(rules)
  let okLogs = parsedLogs.filter((p): p is ParsedTrainingLog => p !== null)
  if (okLogs.length === 0) {
    return skip(
      runs.length === 0
        ? 'No result_*.txt file could be read.'
        : `None of the ${runs.length} result file(s) is an MLPerf training log (${runs[0]?.reason ?? ''}).`
    )
  }

  const logBenchmark = mostCommon(okLogs.map((p) => p.run.logBenchmark))
  const benchmark =
    loc.layout === 'loose' && !folderKnown
      ? benchmarkAlias(logBenchmark ?? loc.benchmarkDir)
      : folderBenchmark
  if (logBenchmark !== null && benchmarkAlias(logBenchmark) !== benchmark) {
    notes.push(`The logs name the benchmark "${logBenchmark}"; the folder says "${benchmark}".`)
  }
  if (round === null) {
    const found = detectTrainingRound(okLogs, benchmark)
    if (found.round !== null) {
      round = found.round
      rules = found.round
      if (okLogs[0]?.round !== found.round) {
        notes.push(`Round ${round} decided from the logs (no folder names it): ${found.evidence}.`)
        // Convergence is judged against the round's own target: read the runs again with it.
        ;({ parsedLogs, runs } = parseAll(rules))
        okLogs = parsedLogs.filter((p): p is ParsedTrainingLog => p !== null)
      }
    } else {
      notes.push(
        `The round could not be decided from the logs: ${found.reason}. Set it with the import's round option.`
      )
    }
  } else if (loc.round === null) {
    // A round given for the import wins, but a contradiction with the logs is said.
    const found = detectTrainingRound(okLogs, benchmark)
    if (found.round !== null && found.round !== round) {
      notes.push(
        `Warning: the logs point to round ${found.round} (${found.evidence}), not ${round}, the round set for this import.`
      )
    }
    if (rules !== null && !allowedBenchmarks(rules).includes(benchmark)) {
      notes.push(`Warning: ${benchmark} is not a benchmark of ${round}.`)
    }
  }
  // The texts were kept only to read the runs again with a decided round.
  texts.length = 0
  const target = okLogs[0]?.target ?? null
  if (target === null)
    notes.push(`No quality target known for ${benchmark}: convergence was not checked.`)
  else {
    if (target.confidence === 'low' && target.note) notes.push(`Target: ${target.note}`)
    else if (target.note && round === null) notes.push(target.note)
  }
  // Per-file remarks, grouped: the same quirk usually affects every run of a set.
  const perFile = new Map<string, string[]>()
  parsedLogs.forEach((p, i) => {
    for (const n of p?.notes ?? [])
      perFile.set(n, [...(perFile.get(n) ?? []), loc.resultFiles[i] ?? ''])
  })
  for (const [n, files] of perFile) notes.push(`${files.join(', ')}: ${n}`)

  // System description.
  const sysResult = await readSystem(loc, ctx)
  let sys: TrainingSystemInfo | null = null
  if (sysResult === null)
    notes.push('No system description found (systems/<id>.json or entry.json).')
  else if ('error' in sysResult) notes.push(`System description unreadable: ${sysResult.error}`)
  else {
    sys = sysResult
    notes.push(...sys.remarks)
  }

  const scalingFactor = await readScaling(loc.dir, notes)
  const score = scoreTrainingRuns(
    benchmark,
    runs.map((r) => ({ file: r.file, converged: r.converged, minutes: r.minutes })),
    scalingFactor
  )
  notes.push(...score.notes)
  if (score.reason) notes.push(score.reason)
  const energy = loc.strayDirs.includes('power')
    ? await setEnergy(loc, runs, benchmark, scalingFactor, notes)
    : null

  // v0.5: whether official scores stopped the clock at run_stop or run_final is unknown (rules G).
  if (
    round !== null &&
    UNSURE_END_MARKER_ROUNDS.includes(round) &&
    runs.some((r) => r.runFinalMs !== null)
  ) {
    const finals = runs
      .map((r) => (r.converged ? r.runFinalMs : null))
      .filter((ms): ms is number => ms !== null)
      .map((ms) => ms / 60 / 1000)
    const failedCount = runs.filter((r) => !r.converged).length
    const alt =
      failedCount <= score.dropCount ? olympicAverage(finals, failedCount, score.dropCount) : null
    if (alt !== null) {
      notes.push(
        `Timed to run_stop. Timed to run_final instead, the olympic mean would be ${alt} min (the v0.5 rules do not say which end marker the official table used).`
      )
    }
  }

  const first = okLogs[0]
  const runDetails: TrainingRunDetail[] = runs.map((r) => ({
    file: r.file,
    status: r.status,
    minutes: r.minutes,
    converged: r.converged,
    reason: r.reason,
    role: score.roles[r.file] ?? 'failed',
    evals: r.evals,
    runFinalMs: r.runFinalMs
  }))

  const submitter =
    (loc.layout === 'v0.5' ? loc.submitter : (sys?.submitter ?? loc.submitter)) ??
    first?.org ??
    'unknown'
  const record: TrainingResultRecord = {
    round: round ?? 'unknown',
    division: sys?.division ?? first?.division?.toLowerCase() ?? 'unknown',
    category: sys?.category ?? normaliseAvailability(first?.submissionStatus ?? null),
    submitter,
    systemId: loc.systemId,
    systemName: sys?.systemName ?? first?.platform ?? null,
    accelerator: sys?.accelerator ?? null,
    acceleratorsTotal: sys?.acceleratorsTotal ?? null,
    nodes: sys?.nodes ?? null,
    framework: sys?.framework ?? null,
    benchmark,
    runs: runs.length,
    value: score.value,
    unit: 'minutes',
    scalingFactor,
    flags: {
      abortedRuns: runs.filter((r) => r.status === 'aborted').length,
      rcpNormalised: scalingFactor !== 1
    },
    valid: score.valid,
    ...(energy === null ? {} : { energyValue: energy, energyUnit: TRAINING_ENERGY_UNIT }),
    source: loc.dir,
    sourceKind: 'tree',
    detail: {
      system: sys?.fields ?? {},
      runs: runDetails,
      notes,
      invalidReason: score.valid ? null : score.reason,
      target: target?.target ?? null,
      direction: target?.direction ?? null,
      runsRequired: score.runsRequired,
      unscaledValue: score.unscaled,
      detailsUrl: null
    }
  }
  return { record, runs, filesRead }
}

/** Convenience: read the set in `dir` (a folder with result_*.txt directly inside). */
export async function readTrainingResultSetAt(
  dir: string,
  ctx: TrainingReadContext = createTrainingReadContext(),
  options: TrainingReadOptions = {}
): Promise<TrainingReadResult> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return { skipped: { path: dir, reason: 'Folder cannot be read.' }, filesRead: 0 }
  }
  const listing = {
    dirs: entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
    files: entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort()
  }
  const loc = await describeTrainingSet(dir, listing)
  if (loc.resultFiles.length === 0) {
    return { skipped: { path: dir, reason: 'No result_*.txt file in this folder.' }, filesRead: 0 }
  }
  return readTrainingResultSet(loc, ctx, options)
}
