/**
 * Which result a folder holds: its round (from the path, the import, the LoadGen seeds or
 * version, in that order), its system description, division and submitter, the MLPerf model
 * its benchmark folder stands for, and its scenario as published (the folder) and as run
 * (LoadGen). A result that cannot be placed is skipped with the reason (ResultSkip).
 */
import path from 'node:path'
import {
  mlperfModelName,
  resolveRound,
  roundFromLoadgenVersion,
  roundFromSeeds
} from '../../../mlperf'
import { loadModelMapping, loadSystem } from './read-context'
import type { ResultRead } from './result-read'
import { ResultSkip } from './result-read'
import type { RunLogs, Seeds } from './result-logs'
import { loadgenVersionOf, logScenarioOf, seedsOf } from './result-logs'
import type { SummaryScenario } from './summary-log'
import { normaliseScenario } from './summary-log'
import type { SystemDescription } from './system-description'

export type ResultRound = {
  round: string
  /** The rules the round is read with: its own, or the latest known for a newer round. */
  rules: string
  loadgenVersion: string | null
}

/** The round before it is checked: path, import, seeds, then the LoadGen version. */
function roundCandidate(r: ResultRead, seedRound: string | null, loadgenVersion: string | null) {
  const { loc, ctx } = r
  let round = loc.round ?? ctx.round ?? null
  if (loc.round === null && ctx.round !== undefined && ctx.round !== null) {
    r.notes.push(`Round ${ctx.round} set for this import (the path names no round).`)
  }
  if (round === null && seedRound !== null) {
    round = seedRound
    r.notes.push(`Round ${round} identified from the LoadGen RNG seeds.`)
  }
  if (round !== null) return round
  const hint = roundFromLoadgenVersion(loadgenVersion)
  if (hint === null) return null
  r.notes.push(
    `Round ${hint} inferred from the LoadGen version "${loadgenVersion}" (no round folder, unofficial seeds).`
  )
  return hint
}

/** Notes when the seeds belong to another round, or to none. */
function seedNotes(r: ResultRead, round: string, seeds: Seeds, seedRound: string | null): void {
  if (seedRound !== null && seedRound !== round) {
    r.notes.push(
      `The RNG seeds are those of ${seedRound}, not ${round}; the checker would reject them.`
    )
  } else if (seedRound === null && Object.keys(seeds).length === 3) {
    r.notes.push(
      `The RNG seeds match no MLPerf round (${round} seeds are required for an official result).`
    )
  }
}

export function identifyRound(r: ResultRead, first: RunLogs): ResultRound {
  const seeds = seedsOf(first)
  const seedRound = roundFromSeeds(seeds)
  const loadgenVersion = loadgenVersionOf(first)
  const candidate = roundCandidate(r, seedRound, loadgenVersion)
  if (candidate === null) {
    throw new ResultSkip(
      'Round unknown: no vX.Y folder in the path, seeds match no MLPerf round, and the LoadGen version gives no hint.'
    )
  }
  const resolved = resolveRound('inference', candidate)
  if (resolved.kind === 'invalid') throw new ResultSkip(resolved.error)
  if (resolved.kind === 'newer') r.notes.push(resolved.note)
  seedNotes(r, resolved.round, seeds, seedRound)
  return { round: resolved.round, rules: resolved.rules, loadgenVersion }
}

export type ResultSystem = {
  sys: SystemDescription
  systemFile: string
  division: string
  submitter: string
}

/** The system description (systems/<system>.json), and the division and submitter. */
export async function identifySystem(r: ResultRead): Promise<ResultSystem> {
  const { loc } = r
  if (loc.submitterDir === null) {
    throw new ResultSkip(
      'No submitter folder (…/<submitter>/results/<system>/…) above the result, so systems/<system>.json cannot be found.'
    )
  }
  const systemFile = path.join(loc.submitterDir, 'systems', `${loc.systemId}.json`)
  const sys = await loadSystem(r.ctx, systemFile)
  r.filesRead++
  if ('error' in sys) throw new ResultSkip(sys.error)
  const division = loc.division ?? sys.division
  const submitter = loc.submitter ?? sys.submitter
  if (division === null) {
    throw new ResultSkip('Division unknown: no division folder and none in the system description.')
  }
  if (submitter === null) {
    throw new ResultSkip(
      'Submitter unknown: no submitter folder and none in the system description.'
    )
  }
  return { sys, systemFile, division, submitter }
}

/** The MLPerf model of the benchmark folder, as the checker names it, with how it was found. */
export async function identifyModel(
  r: ResultRead,
  { round, rules }: ResultRound,
  division: string
): Promise<string> {
  const { loc } = r
  const extraMapping = division === 'open' ? await loadModelMapping(r.ctx, loc.submitterDir) : null
  const model = mlperfModelName(loc.benchmark, rules, extraMapping)
  const notes: Partial<Record<typeof model.how, string>> = {
    guess: `MLPerf model "${model.model}" guessed from the folder name "${loc.benchmark}", as the checker does.`,
    'submitter-mapping': `MLPerf model "${model.model}" from the submitter's model_mapping.json.`,
    similar: `MLPerf model "${model.model}" assumed from the folder name "${loc.benchmark}"; the official table maps such names through the submitter's model_mapping.json, which is not in this tree.`,
    unmapped: `"${loc.benchmark}" is not an MLPerf benchmark name for ${round}; kept as is.`
  }
  const note = notes[model.how]
  if (note !== undefined) r.notes.push(note)
  return model.model
}

export type ResultScenarios = {
  /** What LoadGen ran. */
  logScenario: SummaryScenario
  /** What the folder publishes it as (Interactive is a Server run; unknown: LoadGen's). */
  folderScenario: SummaryScenario
}

export function identifyScenarios(r: ResultRead, first: RunLogs): ResultScenarios {
  const logScenario = logScenarioOf(first)
  if (logScenario === null)
    throw new ResultSkip('The LoadGen scenario cannot be read from the logs.')
  const dir = r.loc.scenarioDir
  const folderScenario: SummaryScenario =
    dir.toLowerCase() === 'interactive' ? 'Server' : (normaliseScenario(dir) ?? logScenario)
  return { logScenario, folderScenario }
}
