import { dirname, join, resolve } from 'node:path'
import type { Api, ApiEvents, EventName } from '../shared/api'
import type { PickPurpose } from '../shared/local-run-views'
import type { WritableDb } from '../core/db/types'
import { ImportManager } from '../core/ingest/import-manager'
import { countInferenceResults } from '../core/repo/inference-results'
import { countTrainingResults } from '../core/repo/training-results'
import { getPreferences, setPreferences } from '../core/repo/preferences'
import { LocalRunManager } from '../core/local-runs/run-manager'
import type { WorkerFactory } from '../core/runner/worker-pool'
import { PublishedUpdates } from '../core/published/update-manager'
import { PathGrants } from './path-grants'
import { chartAreas } from './chart-handlers'
import { runAreas } from './run-handlers'
import { publishedAreas } from './published-handlers'
import { catalogueArea } from './catalogue-handlers'
import { resultsArea } from './results-handlers'
import { importsArea } from './import-handlers'
import { trainingArea } from './training-handlers'
import { filesArea } from './file-handlers'
import { renderArea } from './render-handlers'

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
    results: { ...resultsArea(db, ports.version), ...published.results },
    imports: importsArea(imports),
    training: trainingArea(db),
    ...chartAreas({ db, dbPath: ports.dbPath, version: ports.version, grants }),
    ...renderArea({ db, version: ports.version }),
    files: filesArea({
      grants,
      ...(ports.pickFolder ? { pickFolder: ports.pickFolder } : {}),
      ...(ports.pickPath ? { pickPath: ports.pickPath } : {})
    }),
    // The CLI's user names the run folder on their own command line: no grant is needed there
    // (grants keep a web page or the renderer from writing where the user did not pick).
    ...runAreas(runs, ports.shell === 'cli' ? undefined : grants),
    catalogue: { ...catalogueArea(db, ports.cataloguePath ?? null), ...published.catalogue }
  }
  return { api, imports, runs, updates }
}
