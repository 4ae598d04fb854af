/**
 * The system description of a training result set: systems/<id>.json (modern rounds) or
 * results/<system>/entry.json with submission.json (v0.5). Every benchmark of a system shares
 * one description, so it is read once per import (the context's cache), failures included.
 */
import path from 'node:path'

import { readTextSafe } from '../file-safety'
import type { TrainingSystemInfo } from './system-info'
import { parseTrainingSystemFile, parseV05Entry } from './system-info'
import type { TrainingSetLocation } from './tree-scan'

/** System descriptions read once per import. */
export type TrainingReadContext = {
  systemCache: Map<string, TrainingSystemInfo | { error: string }>
}

export function createTrainingReadContext(): TrainingReadContext {
  return { systemCache: new Map() }
}

/** Parse the description file's text; an error names the file. */
async function parseSystem(
  loc: TrainingSetLocation,
  systemFile: string
): Promise<TrainingSystemInfo | { error: string }> {
  const raw = await readTextSafe(systemFile)
  if (raw === null) return { error: `cannot read ${systemFile}` }
  try {
    if (loc.layout !== 'v0.5') return parseTrainingSystemFile(raw)
    const submission = loc.submissionFile === null ? null : await readTextSafe(loc.submissionFile)
    return parseV05Entry(raw, submission)
  } catch (e) {
    return { error: `${path.basename(systemFile)}: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** The set's description, an error, or null when the set has no description file. */
export async function readSetSystem(
  loc: TrainingSetLocation,
  ctx: TrainingReadContext
): Promise<TrainingSystemInfo | { error: string } | null> {
  if (loc.systemFile === null) return null
  const key = `${loc.systemFile}|${loc.submissionFile ?? ''}`
  const cached = ctx.systemCache.get(key)
  if (cached) return cached
  const result = await parseSystem(loc, loc.systemFile)
  ctx.systemCache.set(key, result)
  return result
}

/** The description the record uses (null when there is none), its remarks in `notes`. */
export function usableSystem(
  sys: TrainingSystemInfo | { error: string } | null,
  notes: string[]
): TrainingSystemInfo | null {
  if (sys === null) {
    notes.push('No system description found (systems/<id>.json or entry.json).')
    return null
  }
  if ('error' in sys) {
    notes.push(`System description unreadable: ${sys.error}`)
    return null
  }
  notes.push(...sys.remarks)
  return sys
}
