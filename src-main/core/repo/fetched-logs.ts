import type { Suite } from '../../shared/api'
import type { FetchedLogFile, ResultFigures } from '../../shared/published'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'

/** The key of a result, as the results tables key it (scenario is '' for training). */
export type ResultKey = {
  suite: Suite
  round: string
  division: string
  submitter: string
  systemId: string
  benchmark: string
  scenario: string
}

/** What is kept of the last fetch of a result's logs. */
export type FetchedLogsRecord = ResultKey & {
  repo: string
  folder: string
  localDir: string
  official: ResultFigures
  files: FetchedLogFile[]
  messages: string[]
  importJobId: string | null
  fetchedAt: string
}

type Row = {
  suite: string
  round: string
  division: string
  submitter: string
  system_id: string
  benchmark: string
  scenario: string
  repo: string
  folder: string
  local_dir: string
  official_json: string
  files_json: string
  messages_json: string
  import_job_id: string | null
  fetched_at: string
}

const KEY_WHERE =
  'suite = @suite AND round = @round AND division = @division AND submitter = @submitter AND system_id = @system_id AND benchmark = @benchmark AND scenario = @scenario'

function keyParams(k: ResultKey): Record<string, string> {
  return {
    suite: k.suite,
    round: k.round,
    division: k.division,
    submitter: k.submitter,
    system_id: k.systemId,
    benchmark: k.benchmark,
    scenario: k.scenario
  }
}

export function getFetchedLogs(db: ReadonlyDb, key: ResultKey): FetchedLogsRecord | null {
  const r = prepareCached(db, `SELECT * FROM fetched_logs WHERE ${KEY_WHERE}`).get(
    keyParams(key)
  ) as Row | undefined
  if (!r) return null
  return {
    suite: r.suite as Suite,
    round: r.round,
    division: r.division,
    submitter: r.submitter,
    systemId: r.system_id,
    benchmark: r.benchmark,
    scenario: r.scenario,
    repo: r.repo,
    folder: r.folder,
    localDir: r.local_dir,
    official: JSON.parse(r.official_json) as ResultFigures,
    files: JSON.parse(r.files_json) as FetchedLogFile[],
    messages: JSON.parse(r.messages_json) as string[],
    importJobId: r.import_job_id,
    fetchedAt: r.fetched_at
  }
}

export function saveFetchedLogs(db: WritableDb, rec: FetchedLogsRecord): void {
  prepareCached(
    db,
    `INSERT INTO fetched_logs (suite, round, division, submitter, system_id, benchmark, scenario,
       repo, folder, local_dir, official_json, files_json, messages_json, import_job_id, fetched_at)
     VALUES (@suite, @round, @division, @submitter, @system_id, @benchmark, @scenario, @repo,
       @folder, @local_dir, @official_json, @files_json, @messages_json, @import_job_id, @fetched_at)
     ON CONFLICT (suite, round, division, submitter, system_id, benchmark, scenario) DO UPDATE SET
       repo = excluded.repo, folder = excluded.folder, local_dir = excluded.local_dir,
       official_json = excluded.official_json, files_json = excluded.files_json,
       messages_json = excluded.messages_json, import_job_id = excluded.import_job_id,
       fetched_at = excluded.fetched_at`
  ).run({
    ...keyParams(rec),
    repo: rec.repo,
    folder: rec.folder,
    local_dir: rec.localDir,
    official_json: JSON.stringify(rec.official),
    files_json: JSON.stringify(rec.files),
    messages_json: JSON.stringify(rec.messages),
    import_job_id: rec.importJobId,
    fetched_at: rec.fetchedAt
  })
}
