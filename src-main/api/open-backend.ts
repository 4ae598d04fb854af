import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDb } from '../core/db/open-db'
import type { WritableDb } from '../core/db/types'
import type { ImportManager } from '../core/ingest/import-manager'
import type { LocalRunManager } from '../core/local-runs/run-manager'
import { SAMPLE_FILE, seedSampleIfEmpty } from '../core/sample/load-sample'
import type { Api } from '../shared/api'
import type { ApiPorts } from './create-api'
import { createApi } from './create-api'
import { EventHub } from './event-hub'

export type BackendOptions = {
  dbPath: string
  shell: ApiPorts['shell']
  /** Folder holding package.json (for the version) and resources/. */
  appRoot: string
  /** Seed the bundled sample into an empty database (the app does; the CLI does not). */
  seedSample: boolean
  pickFolder?: ApiPorts['pickFolder']
  pickPath?: ApiPorts['pickPath']
  nativeBinding?: string
  /** Local runs: where run folders go and how inference workers start (see ApiPorts). */
  runsDir?: string
  createWorker?: ApiPorts['createWorker']
}

export type Backend = {
  db: WritableDb
  api: Api
  hub: EventHub
  imports: ImportManager
  runs: LocalRunManager
  close: () => Promise<void>
}

export function appVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string })
      .version
  } catch {
    return '0.0.0'
  }
}

/** Opens the database and builds the API every shell (Electron, web mode, CLI) talks to. */
export function openBackend(o: BackendOptions): Backend {
  const db = openDb(o.dbPath, o.nativeBinding ? { nativeBinding: o.nativeBinding } : {})
  // A read-only database opens for browsing only: nothing is seeded into it.
  if (o.seedSample && !db.readonly)
    seedSampleIfEmpty(db, join(o.appRoot, 'resources', 'sample', SAMPLE_FILE))
  const hub = new EventHub()
  const { api, imports, runs } = createApi({
    db,
    dbPath: o.dbPath,
    version: appVersion(o.appRoot),
    shell: o.shell,
    emit: hub.emit,
    ...(o.pickFolder ? { pickFolder: o.pickFolder } : {}),
    ...(o.pickPath ? { pickPath: o.pickPath } : {}),
    ...(o.runsDir ? { runsDir: o.runsDir } : {}),
    ...(o.createWorker ? { createWorker: o.createWorker } : {})
  })
  return {
    db,
    api,
    hub,
    imports,
    runs,
    close: async () => {
      imports.cancelAll()
      runs.cancelAll()
      await Promise.all([imports.idle(), runs.idle()])
      db.close()
    }
  }
}
