/**
 * Where MLCommons publishes its official results tables, round by round: the data behind
 * "Get published results…" and `mlperf-explorer catalogue update`. Every location is a file in
 * a public GitHub repository, fetched in the raw.githubusercontent.com layout
 * `<base>/<owner>/<repo>/<ref>/<path>`; the base URL is a setting (settings-repo.ts), so a mirror
 * with the same layout works too. When MLCommons moves a table, change this file.
 *
 * What is known (checked against the repositories, see the issue-10b report):
 * - Inference v2.0–v4.0 (and training 1.0–3.0): the consolidated cm-result.json tables of
 *   mlcommons/cm4mlperf-results, one per system type, division, task and scenario, at the
 *   commit their paths were listed from.
 * - Inference v4.1 on: the round's final report, summary_results.json, at the top of
 *   mlcommons/inference_results_vX.Y. The v4.1 copy only exists on a pull-request branch that was
 *   never merged, so it is fetched at that commit; later rounds are on the default branch.
 * - No consolidated table is published for inference v0.5–v1.1 (only some submitters'
 *   summaries) nor for training after 3.0 (the website's tables are not in a repository), so
 *   those rounds cannot be fetched as tables.
 */
import type { Suite } from '../../shared/api'
import { CM4MLPERF_TABLES } from './cm4mlperf-tables'

/** The public address every source is relative to, unless the user sets another. */
export const DEFAULT_BASE_URL = 'https://raw.githubusercontent.com'

/** One file in a repository; `ref` is a branch, a commit, or HEAD (the default branch). */
export type PublishedFile = { repo: string; ref: string; path: string }

/** The official table(s) of one round. */
export type PublishedSource = {
  suite: Suite
  round: string
  /** What the table is, in words (shown in the round list). */
  table: string
  files: readonly PublishedFile[]
  /**
   * A round after the last one known when this list was written: its table is looked for where
   * the latest rounds keep theirs, and "not published yet" is the expected answer until it is.
   */
  probe: boolean
}

const CM_REPO = 'mlcommons/cm4mlperf-results'
/**
 * The commit the listed paths were taken from: the timestamp folders are renamed when a table
 * is regenerated, so the list and the commit go together.
 */
const CM_REF = '84d8b84c6d6e3d646e27d511e438fd12d144ade9'

function cmSource(suite: Suite, round: string): PublishedSource {
  const entries = CM4MLPERF_TABLES[`${suite} ${round}`] ?? []
  return {
    suite,
    round,
    table: `cm4mlperf-results consolidated tables (${entries.length} files)`,
    files: entries.map((e) => ({
      repo: CM_REPO,
      ref: CM_REF,
      path: `experiment/mlperf-${e}/cm-result.json`
    })),
    probe: false
  }
}

function finalReport(round: string, ref = 'HEAD', probe = false): PublishedSource {
  return {
    suite: 'inference',
    round,
    table: 'summary_results.json (final report)',
    files: [{ repo: `mlcommons/inference_results_${round}`, ref, path: 'summary_results.json' }],
    probe
  }
}

/** The sources written down, oldest round first per suite. */
const KNOWN: readonly PublishedSource[] = [
  cmSource('inference', 'v2.0'),
  cmSource('inference', 'v2.1'),
  cmSource('inference', 'v3.0'),
  cmSource('inference', 'v3.1'),
  cmSource('inference', 'v4.0'),
  // The head of refs/pull/2/head of mlcommons/inference_results_v4.1 (never merged into main).
  finalReport('v4.1', 'acec3abace94116468643ed3791065bb04d9b831'),
  finalReport('v5.0'),
  finalReport('v5.1'),
  finalReport('v6.0'),
  cmSource('training', 'v1.0'),
  cmSource('training', 'v1.1'),
  cmSource('training', 'v2.0'),
  cmSource('training', 'v2.1'),
  cmSource('training', 'v3.0')
]

function parseRound(round: string): [number, number] | null {
  const m = /^v(\d+)\.(\d+)$/.exec(round)
  return m ? [Number(m[1]), Number(m[2])] : null
}

/** Sorts "v2.1" before "v10.0". */
export function compareRounds(a: string, b: string): number {
  const pa = parseRound(a) ?? [0, 0]
  const pb = parseRound(b) ?? [0, 0]
  return pa[0] - pb[0] || pa[1] - pb[1]
}

/**
 * The next inference rounds after the latest one listed: MLCommons publishes vX.0 and vX.1
 * each year, so after v6.0 come v6.1 and then v7.0. Looked for where the latest rounds keep
 * their table.
 */
function nextInferenceRounds(latest: string): string[] {
  const p = parseRound(latest)
  if (!p) return []
  const [major, minor] = p
  return minor === 0 ? [`v${major}.1`, `v${major + 1}.0`] : [`v${major + 1}.0`, `v${major + 1}.1`]
}

/** Every source: the known ones, then the next rounds to look for. */
export function publishedSources(): PublishedSource[] {
  const inference = KNOWN.filter((s) => s.suite === 'inference').map((s) => s.round)
  const latest = inference.sort(compareRounds).at(-1) ?? 'v6.0'
  return [...KNOWN, ...nextInferenceRounds(latest).map((r) => finalReport(r, 'HEAD', true))]
}

/** `<base>/<repo>/<ref>/<path>`, each path segment escaped. */
export function fileUrl(baseUrl: string, f: PublishedFile): string {
  const base = baseUrl.replace(/\/+$/, '')
  const path = f.path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')
  return `${base}/${f.repo}/${encodeURIComponent(f.ref)}/${path}`
}
