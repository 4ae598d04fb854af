/**
 * Finds inference result folders in a submission-shaped tree:
 *   [<round>/]<division>/<submitter>/results/<system>/<benchmark>/<scenario>/performance/run_N/
 * The user may point at any level: a clone of inference_results_vX.Y, a round folder, a division
 * or submitter folder, a results/<system> folder, or a folder of their own with the same shape.
 * Compliance trees, measurements, code, TEST0x and ranging folders are never descended into.
 *
 * The walk yields to the event loop as it lists (dir-listing.ts), so the UI stays responsive on
 * large clones; it reports progress through `onFound` and stops promptly when the AbortSignal
 * fires.
 */
import path from 'node:path'

import { roundFromPath } from '../../../mlperf'
import type { SkippedItem } from '../../../shared/api'
import type { DirLister } from '../dir-listing'
import { createDirLister } from '../dir-listing'
import { normaliseScenario } from './summary-log'

export type ResultLocation = {
  /** The scenario folder (absolute when the root was absolute). */
  dir: string
  round: string | null
  division: string | null
  submitter: string | null
  systemId: string
  benchmark: string
  /** Scenario folder name as submitted (case varies: Offline, offline, …). */
  scenarioDir: string
  /** The submitter folder (parent of results/), where systems/ lives; null if not found. */
  submitterDir: string | null
  /** performance/run_* folder names the scan saw (saves listing them again); absent: list. */
  runNames?: string[]
  /** Files directly in the scenario folder, as the scan saw them; absent: unknown. */
  fileNames?: string[]
}

export type ScanResult = { locations: ResultLocation[]; skipped: SkippedItem[] }

export type ScanOptions = {
  signal?: AbortSignal
  onFound?: (n: number) => void
  /** Shared with the training scan of the same import, which then lists nothing twice. */
  list?: DirLister
}

const DIVISIONS = new Set(['closed', 'open', 'network'])

/** Folders that never contain results of their own (compliance copies, code, measurements…). */
function isIgnoredDir(name: string): boolean {
  const n = name.toLowerCase()
  if (n.startsWith('.') || n === 'node_modules' || n === '__pycache__') return true
  if (
    ['compliance', 'measurements', 'code', 'documentation', 'audit', 'ranging', 'systems'].includes(
      n
    )
  )
    return true
  return /^test\d+$/.test(n)
}

/** A scenario folder name: one of the four scenarios (any case) or Interactive. */
export function isScenarioDirName(name: string): boolean {
  return normaliseScenario(name) !== null || name.toLowerCase() === 'interactive'
}

function abortError(): Error {
  const e = new Error('Scan cancelled')
  e.name = 'AbortError'
  return e
}

/** Describe a result folder from its path segments (…/results/<system>/<benchmark>/<scenario>). */
export function locationFromPath(dir: string): ResultLocation {
  const abs = dir
  const segs = abs.split(/[\\/]+/)
  const scenarioDir = segs[segs.length - 1] ?? ''
  const benchmark = segs[segs.length - 2] ?? ''
  const systemId = segs[segs.length - 3] ?? ''
  const resultsName = segs[segs.length - 4] ?? ''
  let submitterDir: string | null = null
  let submitter: string | null = null
  let division: string | null = null
  if (resultsName.toLowerCase() === 'results') {
    submitterDir = path.dirname(path.dirname(path.dirname(path.dirname(abs))))
    const sub = path.basename(submitterDir)
    submitter = sub === '' ? null : sub
    const div = path.basename(path.dirname(submitterDir)).toLowerCase()
    division = DIVISIONS.has(div) ? div : null
  }
  return {
    dir: abs,
    round: roundFromPath('inference', abs),
    division,
    submitter,
    systemId,
    benchmark,
    scenarioDir,
    submitterDir
  }
}

/**
 * Walk `root` and return every result folder found, plus folders that look like results but
 * cannot be read (e.g. a scenario folder with no performance/run_* inside).
 */
export async function scanInferenceTree(root: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const { signal, onFound } = opts
  const listDir = opts.list ?? createDirLister()
  const locations: ResultLocation[] = []
  const skipped: SkippedItem[] = []
  const top = path.resolve(root)
  const rootListing = await listDir(top)
  if (rootListing === null) {
    return { locations, skipped: [{ path: top, reason: 'Folder cannot be read.' }] }
  }
  const queue: string[] = [top]
  const seen = new Set<string>()
  const CONCURRENCY = 8

  const visit = async (dir: string): Promise<void> => {
    if (signal?.aborted) throw abortError()
    const listing = dir === top ? rootListing : await listDir(dir)
    if (listing === null) {
      skipped.push({ path: dir, reason: 'Folder cannot be read.' })
      return
    }
    const name = path.basename(dir)
    // A scenario folder holding performance/run_* is a result.
    if (listing.dirs.includes('performance')) {
      const perf = await listDir(path.join(dir, 'performance'))
      const runs = perf?.dirs.filter((d) => /^run_\d+$/.test(d)) ?? []
      if (runs.length > 0 && isScenarioDirName(name)) {
        locations.push({ ...locationFromPath(dir), runNames: runs, fileNames: listing.files })
        onFound?.(locations.length)
        return
      }
      if (runs.length > 0) {
        // Performance runs in a folder not named after a scenario: accept it as a result when it
        // sits where a scenario belongs (results/<system>/<benchmark>/<here>).
        const loc = locationFromPath(dir)
        if (loc.submitterDir !== null) {
          locations.push({ ...loc, runNames: runs, fileNames: listing.files })
          onFound?.(locations.length)
          return
        }
      }
      if (isScenarioDirName(name)) {
        skipped.push({
          path: dir,
          reason: 'Scenario folder has no performance/run_* folder with LoadGen logs.'
        })
        return
      }
    } else if (
      isScenarioDirName(name) &&
      path.basename(path.dirname(path.dirname(path.dirname(dir)))).toLowerCase() === 'results'
    ) {
      if (listing.dirs.includes('accuracy') || listing.files.length > 0) {
        skipped.push({
          path: dir,
          reason: 'Scenario folder has no performance/run_* folder with LoadGen logs.'
        })
      }
      return
    }
    for (const d of listing.dirs) {
      if (isIgnoredDir(d)) continue
      // Inside a result folder only performance/ matters; accuracy/ etc. hold no results.
      if (d === 'accuracy' || d === 'performance') continue
      const child = path.join(dir, d)
      if (seen.has(child)) continue
      seen.add(child)
      queue.push(child)
    }
  }

  while (queue.length > 0) {
    if (signal?.aborted) throw abortError()
    const batch = queue.splice(0, CONCURRENCY)
    await Promise.all(batch.map((d) => visit(d)))
  }
  locations.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { locations, skipped }
}
