/**
 * An inference result's folder in inference_results_vX.Y:
 * <division>/<submitter>/results/<system>/<benchmark>/<scenario>, with the scenario folder
 * tried as the table spells it and in lower case (open and endpoint submissions use "offline",
 * "singlestream"…), then the table's own Location where it had one. Known file names are
 * probed rather than listed: the raw file layout (and any mirror of it) has no listing, and
 * GitHub's listing API allows 60 requests an hour without a token, i.e. a handful of results.
 * mlperf_log_accuracy.json is not fetched: it can be gigabytes and the importer does not read
 * it (accuracy.txt holds the checked figure).
 */
import type { Cell } from '../../shared/api'
import type { InferenceResultDetail } from '../../shared/inference'
import { resultsRepo } from '../../shared/published'
import type { ResultKey } from '../repo/fetched-logs'
import type { FolderPlan, Wanted } from './folder-plan'
import { fetchAll, text } from './folder-plan'
import { safeSegment } from './mirror-path'

const LOCATION_NOTE = 'Result folder in the submission: '

export function inferenceKey(row: Record<string, Cell>): ResultKey {
  return {
    suite: 'inference',
    round: text(row, 'round'),
    division: text(row, 'division'),
    submitter: text(row, 'submitter'),
    systemId: text(row, 'system_id'),
    benchmark: text(row, 'benchmark'),
    scenario: text(row, 'scenario')
  }
}

/** The result folder as the table's Location gives it (without ./ and performance/run_N). */
function locationHint(detail: InferenceResultDetail | null): string | null {
  const note = detail?.notes.find((n) => n.startsWith(LOCATION_NOTE))
  if (!note) return null
  const parts = note
    .slice(LOCATION_NOTE.length)
    .trim()
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.')
  const perf = parts.indexOf('performance')
  const folder = perf >= 0 ? parts.slice(0, perf) : parts
  if (folder.length < 6 || folder[2] !== 'results') return null
  try {
    return folder.map(safeSegment).join('/')
  } catch {
    return null
  }
}

function roundAtLeast(round: string, major: number, minor: number): boolean {
  const m = /^v(\d+)\.(\d+)$/.exec(round)
  if (!m) return false
  const a = Number(m[1])
  const b = Number(m[2])
  return a > major || (a === major && b >= minor)
}

/** Every result has run_1's summary: its presence says the folder is the result's. */
function summaryOf(folder: string): Wanted {
  return {
    role: 'LoadGen summary',
    path: `${folder}/performance/run_1/mlperf_log_summary.txt`,
    required: true
  }
}

/** The files of a result folder worth fetching, from what the row says about the result. */
function wantedFiles(key: ResultKey, folder: string, hasPower: boolean): Wanted[] {
  const submitterDir = folder.split('/').slice(0, 2).join('/')
  const run = (n: number): string => `${folder}/performance/run_${n}`
  const files: Wanted[] = [
    summaryOf(folder),
    {
      role: 'system description',
      path: `${submitterDir}/systems/${key.systemId}.json`,
      required: true
    },
    { role: 'LoadGen detail', path: `${run(1)}/mlperf_log_detail.txt`, required: true },
    { role: 'accuracy', path: `${folder}/accuracy/accuracy.txt`, required: false }
  ]
  // Before v1.0 the Server scenario ran five times and the checker kept the last valid run.
  if (key.scenario === 'Server' && (key.round === 'v0.5' || key.round === 'v0.7')) {
    for (let n = 2; n <= 5; n++) {
      files.push({
        role: `LoadGen summary, run ${n}`,
        path: `${run(n)}/mlperf_log_summary.txt`,
        required: false
      })
      files.push({
        role: `LoadGen detail, run ${n}`,
        path: `${run(n)}/mlperf_log_detail.txt`,
        required: false
      })
    }
  }
  // From v6.0 the measurements file (precision) sits in the result folder.
  if (roundAtLeast(key.round, 6, 0)) {
    files.push({ role: 'measurements', path: `${folder}/measurements.json`, required: false })
  }
  if (key.division === 'open') {
    files.push({
      role: 'model mapping',
      path: `${submitterDir}/model_mapping.json`,
      required: false
    })
  }
  if (hasPower) {
    files.push({ role: 'power samples', path: `${run(1)}/spl.txt`, required: false })
    files.push({
      role: 'power server settings',
      path: `${folder}/performance/power/server.json`,
      required: false
    })
    files.push({
      role: 'power client settings',
      path: `${folder}/performance/power/client.json`,
      required: false
    })
  }
  return files
}

export function inferencePlan(
  row: Record<string, Cell>,
  detail: InferenceResultDetail | null,
  hasPower: boolean
): FolderPlan {
  const key = inferenceKey(row)
  const base = [key.division, key.submitter, 'results', key.systemId, key.benchmark].map(
    safeSegment
  )
  const scenario = safeSegment(key.scenario)
  const hint = locationHint(detail)
  const folders = new Set([
    [...base, scenario].join('/'),
    [...base, scenario.toLowerCase()].join('/'),
    ...(hint === null ? [] : [hint])
  ])
  return {
    key,
    repo: resultsRepo('inference', key.round),
    candidates: [...folders].map((folder) => ({ folder, marker: summaryOf(folder) })),
    gather: async ({ folder, marker: m }, marker, fetchOne, progress) => {
      const wanted = wantedFiles(key, folder, hasPower)
      const first = new Map([[m.path, marker]])
      return { wanted, fetched: await fetchAll(wanted, first, fetchOne, progress) }
    }
  }
}
