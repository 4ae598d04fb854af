import { dirname, join, resolve } from 'node:path'
import type { Api, ApiEvents, EventName } from '../shared/api'
import type { PickPurpose } from '../shared/local-run-views'
import { SUITE_COLUMNS } from '../shared/columns'
import type { WritableDb } from '../core/db/types'
import { resultsCsv } from '../core/export/results-csv'
import { listDir } from '../core/files/list-dir'
import { ImportManager } from '../core/ingest/import-manager'
import { checkImportRound } from '../core/ingest/round-check'
import { checkImportPath } from '../core/ingest/check-path'
import { queryFacets } from '../core/query/facets'
import { queryResults } from '../core/query/results-query'
import { queryPivot } from '../core/query/pivot'
import { tableFootnote } from '../core/export/render-view'
import { commentBlock } from '../charts/footnote'
import { pivotCsv } from '../shared/pivot'
import { countInferenceResults, getInferenceResult } from '../core/repo/inference-results'
import { countTrainingResults, getTrainingResult } from '../core/repo/training-results'
import { getPreferences, setPreferences } from '../core/repo/preferences'
import { trainingRunsView } from '../core/query/training-runs'
import { thresholdDefaults } from '../core/query/training-thresholds'
import { buildTtmtView, loadTtmtSet } from '../core/query/training-ttmt'
import { LocalRunManager } from '../core/local-runs/run-manager'
import type { WorkerFactory } from '../core/runner/worker-pool'
import { ApiFailure } from './api-failure'
import { PathGrants } from './path-grants'
import { chartAreas } from './chart-handlers'
import { runAreas } from './run-handlers'
import { PublishedUpdates } from '../core/published/update-manager'
import { publishedAreas } from './published-handlers'
import { catalogueArea } from './catalogue-handlers'

/** What the API needs from its host: the database, a folder picker, an event sink. */
export type ApiPorts = {
  db: WritableDb
  dbPath: string
  version: string
  shell: 'electron' | 'web' | 'cli'
  /** Native folder picker; absent in web mode (the renderer then shows its own browser). */
  pickFolder?: () => Promise<string | null>
  /** Native file/folder picker for local runs; absent in web mode. */
  pickPath?: (purpose: PickPurpose) => Promise<string | null>
  emit: <E extends EventName>(event: E, payload: ApiEvents[E]) => void
  /** Folder of local run folders; defaults to `runs` next to the database. */
  runsDir?: string
  /** The shipped catalogue file (resources/catalogue/catalogue.json.gz); absent in some tests. */
  cataloguePath?: string
  /**
   * The inference worker factory for local runs. The Electron app passes its bundled worker;
   * everything else runs under tsx and starts the worker from the TypeScript source.
   */
  createWorker?: () => Promise<WorkerFactory>
  /** Local mirror of downloaded tables and logs; defaults to `published` next to the database. */
  publishedDir?: string
}

export type ApiHandle = {
  api: Api
  imports: ImportManager
  runs: LocalRunManager
  updates: PublishedUpdates
}

/** Workers from the TypeScript source (tsx, vitest); imported only when a run needs one. */
const sourceWorkers = async (): Promise<WorkerFactory> =>
  (await import('../core/runner/source-worker')).sourceWorkerFactory()

/** The API implementation; every transport (IPC, HTTP, CLI) calls it through dispatch. */
export function createApi(ports: ApiPorts): ApiHandle {
  const { db } = ports
  // Folders clients may have the app write into: the data folder, and folders picked in dialogs.
  const grants = new PathGrants(dirname(resolve(ports.dbPath)))
  const picked = (path: string | null, folder: boolean): string | null => {
    if (path !== null && folder) grants.grant(path)
    return path
  }
  const imports = new ImportManager(db, {
    progress: (p) => ports.emit('imports.progress', p),
    finished: (r) => ports.emit('imports.finished', r)
  })
  const runs = new LocalRunManager({
    db,
    runsDir: ports.runsDir ?? join(dirname(resolve(ports.dbPath)), 'runs'),
    createWorker: ports.createWorker ?? sourceWorkers,
    appVersion: ports.version,
    events: {
      progress: (e) => ports.emit('runs.progress', e),
      finished: (e) => ports.emit('runs.finished', e)
    }
  })
  const publishedDir = ports.publishedDir ?? join(dirname(resolve(ports.dbPath)), 'published')
  const updates = new PublishedUpdates({
    db,
    publishedDir,
    imports,
    events: {
      progress: (p) => ports.emit('catalogue.progress', p),
      finished: (r) => ports.emit('catalogue.finished', r)
    }
  })
  const published = publishedAreas({
    db,
    updates,
    logs: {
      publishedDir,
      imports,
      onProgress: (p) => ports.emit('results.fetchLogsProgress', p)
    }
  })
  const api: Api = {
    app: {
      info: async () => ({
        version: ports.version,
        dbPath: ports.dbPath,
        inferenceResults: countInferenceResults(db),
        trainingResults: countTrainingResults(db),
        shell: ports.shell,
        readOnly: db.readonly
      }),
      preferences: async () => getPreferences(db),
      setPreferences: async (changes) => setPreferences(db, changes)
    },
    results: {
      columns: async ({ suite }) => [...SUITE_COLUMNS[suite]],
      query: async (q) => queryResults(db, q),
      facets: async (q) => queryFacets(db, q),
      get: async ({ suite, id }) => {
        if (suite === 'training') {
          const found = getTrainingResult(db, id)
          if (!found) throw new ApiFailure('not_found', `No training result with id ${id}`)
          return { id, ...found }
        }
        const found = getInferenceResult(db, id)
        if (!found) throw new ApiFailure('not_found', `No result with id ${id}`)
        return { id, ...found }
      },
      csv: async (view) => resultsCsv(db, view),
      ...published.results,
      pivot: async (q) => queryPivot(db, q),
      pivotCsv: async (q) => {
        const table = queryPivot(db, q)
        const at = new Date().toISOString()
        const round =
          table.round === null ? [] : [{ column: 'round', op: 'eq' as const, value: table.round }]
        const view = {
          suite: 'inference' as const,
          filters: [...q.filters.filter((f) => f.column !== 'round'), ...round],
          ...(q.search ? { search: q.search } : {})
        }
        return {
          csv: pivotCsv(table) + commentBlock(tableFootnote(db, view, ports.version, at)),
          filename: `mlperf-inference-${table.round ?? 'none'}-${table.measure}-by-system-${at.slice(0, 10)}.csv`,
          rows: table.rows.length
        }
      }
    },
    imports: {
      start: async ({ paths, round }) => {
        const checked = checkImportRound(round)
        if ('error' in checked) throw new ApiFailure('invalid_input', checked.error)
        return { jobId: imports.start(paths, { round: checked.round }).jobId }
      },
      cancel: async ({ jobId }) => ({ cancelled: imports.cancel(jobId) }),
      checkPath: async ({ path }) => checkImportPath(path),
      get: async ({ jobId }) => {
        const r = imports.get(jobId)
        if (!r) throw new ApiFailure('not_found', `No import job ${jobId}`)
        return r
      },
      list: async () => imports.list()
    },
    training: {
      runs: async ({ id }) => {
        const view = trainingRunsView(db, id)
        if (!view) throw new ApiFailure('not_found', `No training result with id ${id}`)
        return view
      },
      thresholds: async ({ benchmark, round }) => thresholdDefaults(benchmark, round),
      ttmt: async ({ ids, thresholds }) => {
        const sets = ids.map((id) => {
          const set = loadTtmtSet(db, id)
          if (!set) throw new ApiFailure('not_found', `No training result with id ${id}`)
          return set
        })
        return buildTtmtView(sets, thresholds)
      }
    },
    ...chartAreas({ db, dbPath: ports.dbPath, version: ports.version, grants }),
    files: {
      pickFolder: async () => ({
        path: ports.pickFolder ? picked(await ports.pickFolder(), true) : null
      }),
      pickPath: async ({ purpose }) =>
        ports.pickPath
          ? { path: picked(await ports.pickPath(purpose), purpose === 'output'), native: true }
          : { path: null, native: false },
      list: async ({ path }) => {
        try {
          return await listDir(path)
        } catch (e) {
          const err = e as NodeJS.ErrnoException
          if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
            throw new ApiFailure('not_found', `Not a folder: ${path ?? ''}`)
          }
          throw new ApiFailure('invalid_input', `Cannot list ${path ?? ''}: ${err.message}`)
        }
      },
      // The in-app browser is the web mode's dialog: a folder chosen in it may be written to.
      // Where a native dialog exists, only the dialog grants.
      choose: async ({ purpose, path }) => {
        if (ports.pickPath || ports.pickFolder) {
          throw new ApiFailure('conflict', 'Choose the folder with the dialog (Browse…).')
        }
        const abs = resolve(path)
        if (purpose === 'output') grants.grant(abs)
        return { path: abs }
      }
    },
    ...runAreas(runs, grants),
    catalogue: { ...catalogueArea(db, ports.cataloguePath ?? null), ...published.catalogue }
  }
  return { api, imports, runs, updates }
}
