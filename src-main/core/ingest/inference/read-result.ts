/**
 * Reads one result folder (found by tree-scan) into an InferenceResultRecord: the official value
 * as the checker derives it, power, accuracy in the checker's rendering, validity checks and the
 * full detail for the detail panel. Bad input (missing or cut-off summary, unreadable system
 * description, unknown round…) yields a SkippedItem with the path and a reason; one bad result
 * never throws.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'

import {
  inferenceEra,
  mlperfModelName,
  officialResultField,
  resolveRound,
  roundFromLoadgenVersion,
  roundFromSeeds
} from '../../../mlperf'
import type { SkippedItem } from '../../../shared/api'
import type {
  InferenceResultDetail,
  InferenceResultRecord,
  SourceFile
} from '../../../shared/inference'
import { fileSizeSafe, readFileSafe, readTextSafeSync } from '../file-safety'
import { parseAccuracyText } from './accuracy-txt'
import type { LegacyDetail } from './legacy-detail'
import { isLegacyDetailText, parseLegacyDetail } from './legacy-detail'
import type { MllogDetail, MllogValue } from './mllog-detail'
import { decodeDetailLog, isMllogText, mllogIntegerText, mllogNumber } from './mllog-detail'
import { parseMllogDetailSliced } from './mllog-sliced'
import { deriveOfficialValue, summaryTextForKey } from './official-value'
import { computePower, timezoneFromPtdJson } from './power'
import type { SummaryLog, SummaryScenario } from './summary-log'
import { normaliseScenario, parseSummaryLog, printedDecimals, summaryValue } from './summary-log'
import type { SystemDescription } from './system-description'
import { parseSystemDescription } from './system-description'
import type { ResultLocation } from './tree-scan'
import { recordScenario } from './record-scenario'
import { validityChecks } from './validity'

/** Caches shared across the results of one import (system files are read once). */
export type ReadContext = {
  systemCache: Map<string, SystemDescription | { error: string }>
  /** Open-division model_mapping.json per submitter folder (null when absent). */
  mappingCache: Map<string, Record<string, string> | null>
  /** System folders under each submitter's measurements/ (null when it has none). */
  measurementsCache: Map<string, Set<string> | null>
  /** Round set for the import, used where the path names none (before seeds and hints). */
  round?: string | null
}

export function createReadContext(round: string | null = null): ReadContext {
  return { systemCache: new Map(), mappingCache: new Map(), measurementsCache: new Map(), round }
}

export type ReadResult =
  { record: InferenceResultRecord; filesRead: number } | { skipped: SkippedItem; filesRead: number }

type DetailValue = string | number | boolean | null

// Synchronous file calls on purpose: a result's files are small, and the promise API's
// per-call overhead (file handles, thread-pool round trips) cost more than the reads
// themselves (measured: about a third of import time). The import job yields to the event
// loop between results on a time budget, so the window stays responsive.

/**
 * Text of a file, or null when it does not exist or was refused (not a regular file, too big,
 * a link out of the imported folders: file-safety.ts records why for the report).
 */
async function readText(p: string): Promise<string | null> {
  return readTextSafeSync(p)
}

/** Bytes of a file (a large one read in slices that let the event loop turn), or null. */
async function readBytes(p: string): Promise<Buffer | null> {
  return readFileSafe(p)
}

async function fileSize(p: string): Promise<number | null> {
  return fileSizeSafe(p)
}

async function listDirs(p: string): Promise<string[]> {
  try {
    return readdirSync(p, { withFileTypes: true })
      .filter((x) => x.isDirectory())
      .map((x) => x.name)
  } catch {
    return []
  }
}

async function listFiles(p: string): Promise<string[]> {
  try {
    return readdirSync(p, { withFileTypes: true })
      .filter((x) => x.isFile())
      .map((x) => x.name)
  } catch {
    return []
  }
}

function scalar(v: MllogValue | undefined): DetailValue {
  if (v === undefined) return null
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  return JSON.stringify(v)
}

/** A logged run's parsed files. */
type RunLogs = {
  name: string
  dir: string
  summaryPath: string
  summaryText: string | null
  summary: SummaryLog | null
  detailPath: string
  detailText: string | null
  /** Size on disk (the text leaves out the bulky sample indices). */
  detailBytes: number | null
  mllog: MllogDetail | null
  legacy: LegacyDetail | null
}

async function readRun(perfDir: string, name: string): Promise<RunLogs> {
  const dir = path.join(perfDir, name)
  const summaryPath = path.join(dir, 'mlperf_log_summary.txt')
  const detailPath = path.join(dir, 'mlperf_log_detail.txt')
  const summaryText = await readText(summaryPath)
  const detailBytes = await readBytes(detailPath)
  const detailText = detailBytes === null ? null : decodeDetailLog(detailBytes)
  let mllog: MllogDetail | null = null
  let legacy: LegacyDetail | null = null
  if (detailText !== null) {
    // A large log is parsed in slices that let the event loop turn (mllog-sliced.ts).
    if (isMllogText(detailText)) mllog = await parseMllogDetailSliced(detailText)
    else if (isLegacyDetailText(detailText)) legacy = parseLegacyDetail(detailText)
  }
  return {
    name,
    dir,
    summaryPath,
    summaryText,
    summary: summaryText === null ? null : parseSummaryLog(summaryText),
    detailPath,
    detailText,
    detailBytes: detailBytes?.length ?? null,
    mllog,
    legacy
  }
}

/** Why a summary cannot be used, or null when it is usable. */
function summaryProblem(run: RunLogs): string | null {
  if (run.summaryText === null) return `${run.name}/mlperf_log_summary.txt is missing.`
  const s = run.summary
  if (s === null || s.scenario === null) {
    return `${run.name}/mlperf_log_summary.txt has no recognisable "Scenario" line (empty or not a LoadGen summary).`
  }
  if (s.validity === null || s.headline === null) {
    return `${run.name}/mlperf_log_summary.txt is truncated: the result line or "Result is" line is missing.`
  }
  return null
}

async function loadSystem(
  ctx: ReadContext,
  file: string
): Promise<SystemDescription | { error: string }> {
  const cached = ctx.systemCache.get(file)
  if (cached) return cached
  const text = await readText(file)
  let out: SystemDescription | { error: string }
  if (text === null) out = { error: `System description ${file} is missing.` }
  else {
    try {
      out = parseSystemDescription(text)
    } catch (e) {
      out = { error: `System description ${file} cannot be read: ${(e as Error).message}.` }
    }
  }
  ctx.systemCache.set(file, out)
  return out
}

async function loadModelMapping(
  ctx: ReadContext,
  submitterDir: string | null
): Promise<Record<string, string> | null> {
  if (submitterDir === null) return null
  if (ctx.mappingCache.has(submitterDir)) return ctx.mappingCache.get(submitterDir) ?? null
  const text = await readText(path.join(submitterDir, 'model_mapping.json'))
  let map: Record<string, string> | null = null
  if (text !== null) {
    try {
      const j: unknown = JSON.parse(text)
      if (j !== null && typeof j === 'object' && !Array.isArray(j)) {
        map = {}
        for (const [k, v] of Object.entries(j as Record<string, unknown>)) {
          if (typeof v === 'string') map[k] = v
        }
      }
    } catch {
      map = null
    }
  }
  ctx.mappingCache.set(submitterDir, map)
  return map
}

/**
 * Whether measurements/<system> exists under the submitter folder, from one listing per
 * submitter: most results of a large tree would otherwise each pay a failed directory read.
 */
async function hasMeasurements(
  ctx: ReadContext,
  submitterDir: string,
  systemId: string
): Promise<boolean> {
  let systems = ctx.measurementsCache.get(submitterDir)
  if (systems === undefined) {
    const names = await listDirs(path.join(submitterDir, 'measurements'))
    systems = names.length === 0 ? null : new Set(names)
    ctx.measurementsCache.set(submitterDir, systems)
  }
  return systems?.has(systemId) ?? false
}

/** weight_data_types from measurements JSON (in the result folder, or the measurements/ tree). */
async function findWeightDataTypes(
  ctx: ReadContext,
  loc: ResultLocation,
  files: SourceFile[]
): Promise<string | null> {
  const candidates: string[] = []
  if (loc.fileNames === undefined || loc.fileNames.includes('measurements.json'))
    candidates.push(path.join(loc.dir, 'measurements.json'))
  if (loc.submitterDir !== null && (await hasMeasurements(ctx, loc.submitterDir, loc.systemId))) {
    const mdir = path.join(
      loc.submitterDir,
      'measurements',
      loc.systemId,
      loc.benchmark,
      loc.scenarioDir
    )
    for (const f of (await listFiles(mdir)).sort()) {
      if (f.toLowerCase().endsWith('.json')) candidates.push(path.join(mdir, f))
    }
  }
  for (const c of candidates) {
    const text = await readText(c)
    if (text === null) continue
    try {
      const j: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
      if (j !== null && typeof j === 'object' && 'weight_data_types' in j) {
        const v = j.weight_data_types
        files.push({ role: 'measurements', path: c, bytes: await fileSize(c) })
        if (typeof v === 'string' && v.trim() !== '') return v.trim()
        if (Array.isArray(v)) return v.map(String).join(', ')
      }
    } catch {
      // Not JSON: ignore, the field stays null.
    }
  }
  return null
}

/** Exact seed texts from the detail log, or the summary's Test Parameters. */
function seedsOf(run: RunLogs): { qsl?: string; sampleIndex?: string; schedule?: string } {
  const v = run.mllog?.values
  const out: { qsl?: string; sampleIndex?: string; schedule?: string } = {}
  const pick = (key: string, label: string): string | undefined => {
    const fromDetail = v ? mllogIntegerText(v.get(key)) : null
    if (fromDetail !== null) return fromDetail
    const fromLegacy = run.legacy?.effective[label]
    if (fromLegacy !== undefined && /^\d+$/.test(fromLegacy)) return fromLegacy
    const fromSummary = run.summary ? summaryValue(run.summary, label, 'testParameters') : null
    return fromSummary !== null && /^\d+$/.test(fromSummary) ? fromSummary : undefined
  }
  const q = pick('effective_qsl_rng_seed', 'qsl_rng_seed')
  const s = pick('effective_sample_index_rng_seed', 'sample_index_rng_seed')
  const c = pick('effective_schedule_rng_seed', 'schedule_rng_seed')
  if (q !== undefined) out.qsl = q
  if (s !== undefined) out.sampleIndex = s
  if (c !== undefined) out.schedule = c
  return out
}

function logScenarioOf(run: RunLogs): SummaryScenario | null {
  const eff = run.mllog?.values.get('effective_scenario')
  return (typeof eff === 'string' ? normaliseScenario(eff) : null) ?? run.summary?.scenario ?? null
}

function runValidity(run: RunLogs): boolean | null {
  const v = run.mllog?.values.get('result_validity')
  if (typeof v === 'string') return v === 'VALID'
  return run.summary?.validity === null || run.summary === null
    ? null
    : run.summary.validity === 'VALID'
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/\(([^)]*)\)/g, '$1')
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** Settings and statistics for the detail panel. */
function settingsAndStatistics(run: RunLogs): {
  settings: Record<string, DetailValue>
  statistics: Record<string, DetailValue>
} {
  const settings: Record<string, DetailValue> = {}
  const statistics: Record<string, DetailValue> = {}
  if (run.mllog) {
    for (const [k, v] of run.mllog.values) {
      if (k.startsWith('effective_') || k.startsWith('requested_')) settings[k] = scalar(v)
      else if (
        k.startsWith('result_') ||
        k.startsWith('early_stopping_') ||
        k === 'num_errors' ||
        k.startsWith('generated_') ||
        k === 'power_begin' ||
        k === 'power_end'
      ) {
        statistics[k] = scalar(v)
      }
    }
    return { settings, statistics }
  }
  if (run.legacy) {
    for (const [k, v] of Object.entries(run.legacy.effective)) settings[`effective_${slug(k)}`] = v
    for (const [k, v] of Object.entries(run.legacy.requested)) settings[`requested_${slug(k)}`] = v
  }
  for (const e of run.summary?.entries ?? []) {
    if (e.section === 'testParameters') {
      if (!(e.label in settings)) settings[e.label] = e.value
    } else if (e.section !== 'header' || !['SUT name', 'Scenario', 'Mode'].includes(e.label)) {
      const key =
        e.section === 'perQuery'
          ? `per-query ${e.label}`
          : e.section === 'intervals'
            ? `interval ${e.label}`
            : e.label
      if (!(key in statistics)) statistics[key] = e.value
    }
  }
  for (const b of run.summary?.earlyStopping ?? []) {
    const prefix = b.name === '' ? 'early stopping' : `${b.name} early stopping`
    for (const [p, v] of Object.entries(b.estimates))
      statistics[`${prefix} ${p}th percentile estimate (ns)`] = v
  }
  return { settings, statistics }
}

const RUN_ORDER = (a: string, b: string): number =>
  Number(a.replace('run_', '')) - Number(b.replace('run_', ''))

/** Read one result folder. */
export async function readInferenceResult(
  loc: ResultLocation,
  ctx: ReadContext
): Promise<ReadResult> {
  let filesRead = 0
  const skip = (reason: string): ReadResult => ({ skipped: { path: loc.dir, reason }, filesRead })
  try {
    const perfDir = path.join(loc.dir, 'performance')
    const runNames = (loc.runNames ?? (await listDirs(perfDir)))
      .filter((d) => /^run_\d+$/.test(d))
      .sort(RUN_ORDER)
    if (runNames.length === 0) return skip('No performance/run_* folder.')
    const runs = await Promise.all(runNames.map((n) => readRun(perfDir, n)))
    for (const r of runs)
      filesRead += (r.summaryText !== null ? 1 : 0) + (r.detailText !== null ? 1 : 0)
    const first = runs[0]
    if (!first) return skip('No performance/run_* folder.')
    const problem = summaryProblem(first)
    if (problem !== null) return skip(problem)

    const notes: string[] = []
    // Round: path first, then seeds, then the LoadGen version.
    const seeds = seedsOf(first)
    const seedRound = roundFromSeeds(seeds)
    const loadgenVersion =
      (typeof first.mllog?.values.get('loadgen_version') === 'string'
        ? (first.mllog?.values.get('loadgen_version') as string)
        : null) ??
      first.legacy?.loadgenVersion ??
      null
    let round = loc.round ?? ctx.round ?? null
    if (loc.round === null && ctx.round !== undefined && ctx.round !== null) {
      notes.push(`Round ${ctx.round} set for this import (the path names no round).`)
    }
    if (round === null && seedRound !== null) {
      round = seedRound
      notes.push(`Round ${round} identified from the LoadGen RNG seeds.`)
    }
    if (round === null) {
      const hint = roundFromLoadgenVersion(loadgenVersion)
      if (hint !== null) {
        round = hint
        notes.push(
          `Round ${round} inferred from the LoadGen version "${loadgenVersion}" (no round folder, unofficial seeds).`
        )
      }
    }
    if (round === null) {
      return skip(
        'Round unknown: no vX.Y folder in the path, seeds match no MLPerf round, and the LoadGen version gives no hint.'
      )
    }
    const resolved = resolveRound('inference', round)
    if (resolved.kind === 'invalid') return skip(resolved.error)
    round = resolved.round
    // The rules of the round: its own, or the latest known for a round newer than this version.
    const rules = resolved.rules
    if (resolved.kind === 'newer') notes.push(resolved.note)
    if (seedRound !== null && seedRound !== round) {
      notes.push(
        `The RNG seeds are those of ${seedRound}, not ${round}; the checker would reject them.`
      )
    } else if (seedRound === null && Object.keys(seeds).length === 3) {
      notes.push(
        `The RNG seeds match no MLPerf round (${round} seeds are required for an official result).`
      )
    }

    // System description.
    if (loc.submitterDir === null) {
      return skip(
        'No submitter folder (…/<submitter>/results/<system>/…) above the result, so systems/<system>.json cannot be found.'
      )
    }
    const systemFile = path.join(loc.submitterDir, 'systems', `${loc.systemId}.json`)
    const sys = await loadSystem(ctx, systemFile)
    filesRead++
    if ('error' in sys) return skip(sys.error)

    const division = loc.division ?? sys.division
    const submitter = loc.submitter ?? sys.submitter
    if (division === null)
      return skip('Division unknown: no division folder and none in the system description.')
    if (submitter === null)
      return skip('Submitter unknown: no submitter folder and none in the system description.')

    const extraMapping = division === 'open' ? await loadModelMapping(ctx, loc.submitterDir) : null
    const model = mlperfModelName(loc.benchmark, rules, extraMapping)
    if (model.how === 'guess')
      notes.push(
        `MLPerf model "${model.model}" guessed from the folder name "${loc.benchmark}", as the checker does.`
      )
    if (model.how === 'submitter-mapping')
      notes.push(`MLPerf model "${model.model}" from the submitter's model_mapping.json.`)
    if (model.how === 'similar') {
      notes.push(
        `MLPerf model "${model.model}" assumed from the folder name "${loc.benchmark}"; the official table maps such names through the submitter's model_mapping.json, which is not in this tree.`
      )
    }
    if (model.how === 'unmapped')
      notes.push(`"${loc.benchmark}" is not an MLPerf benchmark name for ${round}; kept as is.`)

    // Scenarios: the folder's (published) and LoadGen's (what ran).
    const logScenario = logScenarioOf(first)
    if (logScenario === null) return skip('The LoadGen scenario cannot be read from the logs.')
    const interactive = loc.scenarioDir.toLowerCase() === 'interactive'
    const folderScenario: SummaryScenario = interactive
      ? 'Server'
      : (normaliseScenario(loc.scenarioDir) ?? logScenario)

    // Which run is official: run_1, except v0.5/v0.7 Server whose checker looped over run_1…run_5
    // and kept the last valid run.
    let official = first
    const multiRunServer =
      !inferenceEra(rules, 'singleServerRun') && folderScenario === 'Server' && runs.length > 1
    if (multiRunServer) {
      const validRuns = runs.filter((r) => summaryProblem(r) === null && runValidity(r) === true)
      official = validRuns[validRuns.length - 1] ?? first
      notes.push(
        `The ${round} checker read ${runs.map((r) => r.name).join(', ')} and kept the last valid run (${official.name}).`
      )
    } else if (runs.length > 1) {
      notes.push(
        `The official value comes from run_1; ${runs.length - 1} more run(s) are listed for reference.`
      )
    }

    const valueFor = (r: RunLogs): ReturnType<typeof deriveOfficialValue> =>
      deriveOfficialValue({
        round: rules,
        folderScenario,
        logScenario: logScenarioOf(r) ?? logScenario,
        mlperfModel: model.model,
        detail: r.mllog?.values ?? null,
        summary: r.summary
      })
    const ov = valueFor(official)
    const storedScenario = recordScenario(loc.scenarioDir, folderScenario, logScenario, ov.inferred)
    notes.push(...ov.notes)

    // Cross-check the detail value against the printed summary (same key, printed precision).
    if (!ov.inferred && official.mllog && official.summary) {
      const spec = officialResultField(rules, folderScenario, model.model)
      if (spec.source === 'detail') {
        const printed = summaryTextForKey(official.summary, spec.key)
        const raw = mllogNumber(official.mllog.values.get(spec.key))
        if (printed !== null && raw !== null) {
          const dec = printedDecimals(printed)
          const p = Number(printed)
          // The summary prints fixed decimals, the detail log 6 significant digits: either may
          // be the coarser one.
          const agree = Math.abs(p - raw) <= 0.5 * 10 ** -dec + Math.abs(raw) * 5e-6
          if (!agree)
            notes.push(
              `Warning: the summary prints ${printed} for ${spec.key} but the detail log has ${raw}.`
            )
        }
      }
    }

    const files: SourceFile[] = []
    for (const r of runs) {
      if (r.summaryText !== null)
        files.push({
          role: `${r.name} summary`,
          path: r.summaryPath,
          bytes: Buffer.byteLength(r.summaryText)
        })
      if (r.detailText !== null)
        files.push({
          role: `${r.name} detail`,
          path: r.detailPath,
          bytes: r.detailBytes
        })
    }
    files.push({ role: 'system description', path: systemFile, bytes: await fileSize(systemFile) })
    if (official.detailText === null)
      notes.push(`${official.name}/mlperf_log_detail.txt is missing; values come from the summary.`)
    if (official.mllog && official.mllog.skippedLines > 0) {
      notes.push(
        `${official.mllog.skippedLines} unparsable line(s) in mlperf_log_detail.txt were skipped.`
      )
    }

    // Accuracy.
    const accPath = path.join(loc.dir, 'accuracy', 'accuracy.txt')
    const accText = await readText(accPath)
    let accuracy: string | null = null
    let accuracyMetrics: Record<string, number> = {}
    if (accText !== null) {
      filesRead++
      files.push({ role: 'accuracy', path: accPath, bytes: Buffer.byteLength(accText) })
      const acc = parseAccuracyText(accText, model.model)
      accuracy = acc.rendered
      accuracyMetrics = acc.metrics
      if (acc.rendered === null) notes.push('accuracy.txt holds no metric the checker recognises.')
      if (acc.detected && acc.rendered !== null)
        notes.push(
          'Accuracy metric detected from the file content (benchmark not known to the checker).'
        )
    } else {
      notes.push('accuracy/accuracy.txt is missing.')
    }

    // Power.
    let powerValue: number | null = null
    let powerUnit: string | null = null
    let powerUnitNote: string | null = null
    const powerDir = path.join(perfDir, 'power')
    const splPath = path.join(official.dir, 'spl.txt')
    const splText = await readText(splPath)
    if (splText !== null) {
      filesRead++
      files.push({ role: 'power samples', path: splPath, bytes: Buffer.byteLength(splText) })
      const serverJson = await readText(path.join(powerDir, 'server.json'))
      const clientJson = await readText(path.join(powerDir, 'client.json'))
      filesRead += (serverJson !== null ? 1 : 0) + (clientJson !== null ? 1 : 0)
      const v = official.mllog?.values
      const str = (k: string): string | null => {
        const x = v?.get(k)
        return typeof x === 'string' ? x : null
      }
      const pr = computePower({
        round: rules,
        folderScenario,
        logScenario: logScenarioOf(official) ?? logScenario,
        splText,
        powerBegin: str('power_begin') ?? official.legacy?.powerBegin ?? null,
        powerEnd: str('power_end') ?? official.legacy?.powerEnd ?? null,
        resultQueryCount: mllogNumber(v?.get('result_query_count')),
        qpsWithLoadgenOverhead: mllogNumber(v?.get('result_qps_with_loadgen_overhead')),
        generatedQueryCount: mllogNumber(v?.get('generated_query_count')),
        generatedSamplesPerQuery: mllogNumber(v?.get('generated_samples_per_query')),
        serverTimezoneS: serverJson === null ? null : timezoneFromPtdJson(serverJson),
        clientTimezoneS: clientJson === null ? null : timezoneFromPtdJson(clientJson)
      })
      powerValue = pr.value
      powerUnit = pr.value === null ? null : pr.unit
      powerUnitNote = pr.value === null ? null : pr.unitNote
      notes.push(...pr.notes.map((n) => `Power: ${n}`))
      if (!inferenceEra(rules, 'publishedPower') && pr.value !== null) {
        notes.push(
          'Power: no official figure is known for this round; computed with the pre-v2.0 checker rules (unverified).'
        )
      }
    }

    const checks = validityChecks({
      round: rules,
      scenario: logScenarioOf(official) ?? logScenario,
      folderScenario: storedScenario,
      mlperfModel: model.model,
      detail: official.mllog?.values ?? null,
      detailErrors: official.mllog
        ? official.mllog.errors.map((e) => (typeof e.value === 'string' ? e.value : e.key))
        : official.legacy
          ? official.legacy.errors
          : null,
      summary: official.summary
    })
    // A result without an official value is never valid, whatever LoadGen said.
    const valid = runValidity(official) === true && ov.value !== null

    const weightDataTypes = await findWeightDataTypes(ctx, loc, files)
    const { settings, statistics } = settingsAndStatistics(official)

    const detailRuns: InferenceResultDetail['runs'] = runs.map((r) => ({
      run: r.name,
      value: summaryProblem(r) === null ? valueFor(r).value : null,
      valid: runValidity(r)
    }))

    const nodes = sys.nodes
    const apn = sys.acceleratorsPerNode
    const record: InferenceResultRecord = {
      round,
      division,
      category: sys.category,
      systemType: sys.systemType,
      submitter,
      systemId: loc.systemId,
      systemName: sys.systemName,
      accelerator: sys.accelerator,
      acceleratorsPerNode: apn,
      nodes,
      acceleratorsTotal: nodes !== null && apn !== null ? nodes * apn : null,
      hostProcessor: sys.hostProcessor,
      hostProcessorsPerNode: sys.hostProcessorsPerNode,
      hostProcessorCoreCount: sys.hostProcessorCoreCount,
      framework: sys.framework,
      operatingSystem: sys.operatingSystem,
      benchmark: loc.benchmark,
      mlperfModel: model.model,
      scenario: storedScenario,
      metric: ov.metric,
      unit: ov.unit,
      value: ov.value,
      powerValue,
      powerUnit,
      accuracy,
      valid,
      inferred: ov.inferred,
      weightDataTypes,
      source: loc.dir,
      sourceKind: 'tree',
      publicId: null,
      detail: {
        system: { ...sys.fields },
        settings,
        statistics,
        checks,
        files,
        accuracyMetrics,
        notes,
        loadgenVersion,
        runs: detailRuns
      }
    }
    if (ov.value === null) notes.push('The official value could not be derived from the logs.')
    // Last, so that a database converted by migration 0060 holds the same notes as a re-import.
    if (powerUnitNote !== null) notes.push(`Power: ${powerUnitNote}`)
    return { record, filesRead }
  } catch (e) {
    return skip(`Unexpected error while reading the result: ${(e as Error).message}`)
  }
}
