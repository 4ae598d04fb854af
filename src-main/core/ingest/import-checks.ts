/**
 * The import report's lines for what the stored-row guard decided and for results whose folder
 * and log disagree, kept apart from the import job so the job only calls them.
 */
import path from 'node:path'
import type { ImportReport } from '../../shared/api'
import type { InferenceResultRecord } from '../../shared/inference'
import { normaliseScenario } from './inference/summary-log'
import type { GuardResult } from './stored-guard'

/** Stored results changed by this job with no sign of damage, for the notes at the end. */
export type GuardTally = { changed: string[] }

export function newGuardTally(): GuardTally {
  return { changed: [] }
}

/** Counts one batch's guard outcome into the report (kept rows are listed with the reason). */
export function tally<R>(t: GuardTally, g: GuardResult<R>, report: ImportReport): void {
  for (const k of g.kept) {
    report.skipped++
    report.skippedItems.push(k)
  }
  report.unchanged += g.untouched
  t.changed.push(...g.changed)
}

const MAX_CHANGE_NOTES = 100

/** One note per stored result whose shown values changed (a long list is cut with a count). */
export function changeNotes(changed: readonly string[]): string[] {
  const notes = changed.slice(0, MAX_CHANGE_NOTES).map((c) => `Updated ${c}.`)
  if (changed.length > MAX_CHANGE_NOTES) {
    notes.push(`… and ${changed.length - MAX_CHANGE_NOTES} more stored results updated.`)
  }
  return notes
}

/** A tree result whose scenario folder names another scenario than LoadGen ran, or null. */
export function scenarioMismatchNote(rec: InferenceResultRecord): string | null {
  if (rec.sourceKind !== 'tree' || rec.inferred) return null
  const folder = path.basename(rec.source)
  const interactive = folder.toLowerCase() === 'interactive'
  const said = interactive ? 'Interactive' : normaliseScenario(folder)
  if (said === null || said === rec.scenario) return null
  return `${rec.source}: the folder says ${said} but LoadGen's log says ${rec.scenario}; imported as a ${rec.scenario} result (a folder name never overrides the log).`
}

/** Why a second folder mapping to a result already read in this job is not imported. */
export function sameResultReason(rec: InferenceResultRecord, first: string): string {
  return `Not imported: this folder and ${first} map to the same result (${rec.round} ${rec.division} ${rec.submitter} ${rec.systemId} ${rec.benchmark} ${rec.scenario}); the first one read was kept.`
}
