/**
 * Reads one result folder (found by tree-scan) into an InferenceResultRecord: the official value
 * as the checker derives it, power, accuracy in the checker's rendering, validity checks and the
 * full detail for the detail panel. Bad input (missing or cut-off summary, unreadable system
 * description, unknown round…) yields a SkippedItem with the path and a reason; one bad result
 * never throws. Each step is a module of its own (result-*.ts); the order of the steps is the
 * order of the notes and files in the stored detail, so it is kept as it is.
 */
import type { SkippedItem } from '../../../shared/api'
import type { InferenceResultRecord } from '../../../shared/inference'
import type { ReadContext } from './read-context'
import { readAccuracy } from './result-accuracy'
import type { ResultRound, ResultScenarios, ResultSystem } from './result-identify'
import { identifyModel, identifyRound, identifyScenarios, identifySystem } from './result-identify'
import type { RunLogs } from './result-logs'
import { readRuns, runNamesOf, runValidity, summaryProblem } from './result-logs'
import type { ValueRules } from './result-measure'
import { checksOf, crossCheckSummary, officialRun, runsDetail, runValue } from './result-measure'
import { readPower } from './result-power'
import type { ResultRead } from './result-read'
import { ResultSkip, startRead } from './result-read'
import { buildRecord } from './result-record'
import { settingsAndStatistics } from './result-settings'
import { detailLogNotes, listSources } from './result-sources'
import { recordScenario } from './record-scenario'
import type { ResultLocation } from './tree-scan'
import { findWeightDataTypes } from './weight-data-types'

export { createReadContext } from './read-context'
export type { ReadContext } from './read-context'

export type ReadResult =
  { record: InferenceResultRecord; filesRead: number } | { skipped: SkippedItem; filesRead: number }

/** The result's runs, read; skipped when there is none or the first one's summary is unusable. */
async function readResultLogs(r: ResultRead): Promise<{ runs: RunLogs[]; first: RunLogs }> {
  const names = await runNamesOf(r.loc)
  if (names.length === 0) throw new ResultSkip('No performance/run_* folder.')
  const { runs, filesRead } = await readRuns(r.loc, names)
  r.filesRead += filesRead
  const first = runs[0]
  if (!first) throw new ResultSkip('No performance/run_* folder.')
  const problem = summaryProblem(first)
  if (problem !== null) throw new ResultSkip(problem)
  return { runs, first }
}

type Identity = {
  round: ResultRound
  system: ResultSystem
  model: string
  scenarios: ResultScenarios
}

/** Everything measured about an identified result, as its record. */
async function measureResult(
  r: ResultRead,
  runs: readonly RunLogs[],
  { round, system, model, scenarios }: Identity
): Promise<InferenceResultRecord> {
  const v: ValueRules = { ...scenarios, rules: round.rules, model }
  const official = officialRun(r, runs, round, scenarios.folderScenario)
  const ov = runValue(official, v)
  const { folderScenario, logScenario } = scenarios
  const scenario = recordScenario(r.loc.scenarioDir, folderScenario, logScenario, ov.inferred)
  r.notes.push(...ov.notes)
  crossCheckSummary(r, official, ov, v)
  await listSources(r, runs, system.systemFile)
  detailLogNotes(r, official)
  const accuracy = await readAccuracy(r, model)
  const power = await readPower(r, official, v)
  const checks = checksOf(official, v, scenario)
  // A result without an official value is never valid, whatever LoadGen said.
  const valid = runValidity(official) === true && ov.value !== null
  const weightDataTypes = await findWeightDataTypes(r.ctx, r.loc, r.files)
  const panel = settingsAndStatistics(official)
  const parts = { round, system, model, scenario, ov, valid, checks, accuracy, power }
  const runsOf = runsDetail(runs, v)
  const record = buildRecord(r, { ...parts, runs: runsOf, weightDataTypes, panel })
  if (ov.value === null) r.notes.push('The official value could not be derived from the logs.')
  // Last, so that a database converted by migration 0060 holds the same notes as a re-import.
  if (power.powerUnitNote !== null) r.notes.push(`Power: ${power.powerUnitNote}`)
  return record
}

/** Read one result folder. */
export async function readInferenceResult(
  loc: ResultLocation,
  ctx: ReadContext
): Promise<ReadResult> {
  const r = startRead(loc, ctx)
  try {
    const { runs, first } = await readResultLogs(r)
    const round = identifyRound(r, first)
    const system = await identifySystem(r)
    const model = await identifyModel(r, round, system.division)
    const scenarios = identifyScenarios(r, first)
    const record = await measureResult(r, runs, { round, system, model, scenarios })
    return { record, filesRead: r.filesRead }
  } catch (e) {
    const reason =
      e instanceof ResultSkip
        ? e.message
        : `Unexpected error while reading the result: ${(e as Error).message}`
    return { skipped: { path: loc.dir, reason }, filesRead: r.filesRead }
  }
}
