/**
 * Finds training result sets under any path. A result set is a folder with result_*.txt files
 * directly inside (the summarizer's `glob("<benchmark>/result_*.txt")`, not recursive). Layouts:
 *
 *   training_results_vX.Y/<Submitter>/results/<system>/<benchmark>/   (systems/<system>.json)
 *   v0.5.0/<org>/…/results/<system>/<benchmark>/                       (results/<system>/entry.json)
 *   any folder of the user's own result_*.txt logs
 *
 * The user may point at a clone, a round folder, a submitter folder or a set itself. Once a folder
 * is a set we never descend into it: Habana's v1.0 resnet folder holds a stray bert/ copy with 10
 * more result files, which would otherwise pollute the resnet score (corpus README). Code trees
 * (<Submitter>/benchmarks next to results/) and systems/ are skipped.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'

import type { SkippedItem } from '../../../shared/api'
import type { DirLister, Listing } from '../dir-listing'
import { createDirLister } from '../dir-listing'
import { benchmarkAlias, knownBenchmarks, roundFromPath } from '../../../mlperf'
import { v05OrgIndex, v05SubmissionFile, v05SystemId } from './v05-layout'

export type TrainingSetLayout = 'submission' | 'v0.5' | 'loose'

export type TrainingSetLocation = {
  /** The benchmark folder (absolute when the root was absolute). */
  dir: string
  round: string | null
  layout: TrainingSetLayout
  /** Submitter folder name (modern), the v0.5 org folder, or null for loose logs. */
  submitter: string | null
  systemId: string
  /** Benchmark folder name as found (alias "mask" → maskrcnn applied later). */
  benchmarkDir: string
  /** Folder holding systems/ (modern) or null. */
  submitterDir: string | null
  /** systems/<id>.json (modern) or results/<system>/entry.json (v0.5); null when absent. */
  systemFile: string | null
  /** v0.5 submission.json (org, poc) nearest above results/, or null. */
  submissionFile: string | null
  /** result_*.txt names, in run order (result_2 before result_10). */
  resultFiles: string[]
  /** Sub-folders inside the set, which are ignored. */
  strayDirs: string[]
  /** Other files in the set folder (scaling.json, compliance_*.out…). */
  otherFiles: string[]
}

export type TrainingScanResult = {
  sets: TrainingSetLocation[]
  /** Folders that look like results but are not scored (stray copies inside a set…). */
  skipped: SkippedItem[]
  dirsSeen: number
}

export type TrainingScanOptions = {
  signal?: AbortSignal
  onFound?: (n: number) => void
  /** Folders below the root not to walk (the import job passes the inference results it found). */
  skip?: (dir: string) => boolean
  /** Shared with the inference scan of the same import, which then lists nothing twice. */
  list?: DirLister
}

const RESULT_FILE = /^result_.*\.txt$/

/** result_*.txt as the summarizer globs it. */
export function isResultFileName(name: string): boolean {
  return RESULT_FILE.test(name)
}

/** Natural order: result_2.txt before result_10.txt. */
export function compareResultFiles(a: string, b: string): number {
  const na = /^result_(\d+)\.txt$/.exec(a)
  const nb = /^result_(\d+)\.txt$/.exec(b)
  if (na && nb) return Number(na[1]) - Number(nb[1])
  return a.localeCompare(b)
}

function abortError(): Error {
  const e = new Error('Scan cancelled')
  e.name = 'AbortError'
  return e
}

function isIgnoredDir(name: string, siblings: string[]): boolean {
  const n = name.toLowerCase()
  if (n.startsWith('.') || n === 'node_modules' || n === '__pycache__' || n === 'systems')
    return true
  // <Submitter>/benchmarks holds code, never results.
  return n === 'benchmarks' && siblings.includes('results')
}

async function fileExists(p: string): Promise<boolean> {
  try {
    await access(p)
    return true
  } catch {
    return false
  }
}

/** The parts of a set's location that do not depend on its layout. */
type SetBase = Pick<
  TrainingSetLocation,
  'dir' | 'round' | 'benchmarkDir' | 'resultFiles' | 'strayDirs' | 'otherFiles'
>

/** A modern submission's set (systems/<system>.json beside results/, when there is one). */
function modernSet(
  base: SetBase,
  submitter: string,
  systemId: string,
  submitterDir: string,
  systemFile: string | null
): TrainingSetLocation {
  return {
    ...base,
    layout: 'submission',
    submitter,
    systemId,
    submitterDir,
    systemFile,
    submissionFile: null
  }
}

/**
 * results/<system>/<benchmark>: a modern submission when systems/<system>.json is beside
 * results/, v0.5 when results/<system>/entry.json is there, else a submission-shaped tree
 * without a description.
 */
async function resultsTreeSet(
  base: SetBase,
  segs: readonly string[]
): Promise<TrainingSetLocation> {
  const n = segs.length
  const systemFolder = segs[n - 2] ?? ''
  const resultsDir = segs.slice(0, n - 2).join(path.sep)
  const submitterDir = path.dirname(resultsDir)
  const systemsJson = path.join(submitterDir, 'systems', `${systemFolder}.json`)
  const entryJson = path.join(resultsDir, systemFolder, 'entry.json')
  const submitter = path.basename(submitterDir)
  if (await fileExists(systemsJson)) {
    return modernSet(base, submitter, systemFolder, submitterDir, systemsJson)
  }
  if (await fileExists(entryJson)) {
    const resultsIdx = n - 3
    const orgIdx = v05OrgIndex(segs, resultsIdx)
    const submissionFile = await v05SubmissionFile(segs, resultsIdx, orgIdx)
    return {
      ...base,
      layout: 'v0.5',
      submitter: segs[orgIdx] ?? null,
      systemId: v05SystemId(segs, orgIdx, resultsIdx, base.benchmarkDir),
      submitterDir: segs.slice(0, orgIdx + 1).join(path.sep),
      systemFile: entryJson,
      submissionFile
    }
  }
  // results/<system>/<benchmark> without a description: still a submission-shaped tree.
  return modernSet(base, submitter, systemFolder, submitterDir, null)
}

/** Describe a set folder from its path and the files around it. */
export async function describeTrainingSet(
  dir: string,
  listing: Listing
): Promise<TrainingSetLocation> {
  const segs = dir.split(/[\\/]+/)
  const n = segs.length
  const benchmarkDir = segs[n - 1] ?? ''
  const round = roundFromPath('training', dir)
  const resultFiles = listing.files.filter(isResultFileName).sort(compareResultFiles)
  const otherFiles = listing.files.filter((f) => !isResultFileName(f))
  const base = { dir, round, benchmarkDir, resultFiles, strayDirs: [...listing.dirs], otherFiles }
  if (n >= 4 && segs[n - 3] === 'results') return resultsTreeSet(base, segs)
  // Loose logs: the folder is the benchmark when it has a benchmark's name, the parent the system.
  const known = knownBenchmarks().includes(benchmarkAlias(benchmarkDir))
  return {
    ...base,
    layout: 'loose',
    submitter: null,
    systemId: known ? (segs[n - 2] ?? benchmarkDir) : benchmarkDir,
    submitterDir: null,
    systemFile: null,
    submissionFile: null
  }
}

/** Walk `root` and return every training result set under it. */
export async function scanTrainingTree(
  root: string,
  options: TrainingScanOptions = {}
): Promise<TrainingScanResult> {
  const sets: TrainingSetLocation[] = []
  const skipped: SkippedItem[] = []
  let dirsSeen = 0
  const listDir = options.list ?? createDirLister()

  const walk = async (dir: string): Promise<void> => {
    if (options.signal?.aborted) throw abortError()
    if (dir !== root && options.skip?.(dir) === true) return
    const listing = await listDir(dir)
    dirsSeen++
    if (listing === null) {
      if (dir === root) skipped.push({ path: dir, reason: 'Folder cannot be read.' })
      return
    }
    if (listing.files.some(isResultFileName)) {
      sets.push(await describeTrainingSet(dir, listing))
      options.onFound?.(sets.length)
      for (const sub of listing.dirs) {
        const inner = await listDir(path.join(dir, sub))
        if (inner !== null && inner.files.some(isResultFileName)) {
          skipped.push({
            path: path.join(dir, sub),
            reason: `Stray folder inside the result set ${path.basename(dir)}: its ${inner.files.filter(isResultFileName).length} result file(s) are not part of any score (the summarizer only reads files directly in the benchmark folder).`
          })
        }
      }
      return
    }
    if (listing.files.includes('scaling.json')) {
      // A benchmark folder the review scaled but whose logs are not there (a partial copy, or
      // blobs missing from a clone): the summarizer gives it no score; say so instead of nothing.
      skipped.push({
        path: dir,
        reason:
          'scaling.json but no result_*.txt log: this result set has no runs to score (the official table leaves its cell empty).'
      })
    }
    for (const sub of listing.dirs) {
      if (isIgnoredDir(sub, listing.dirs)) continue
      await walk(path.join(dir, sub))
    }
  }

  await walk(root)
  return { sets, skipped, dirsSeen }
}
