import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDb } from '../core/db/open-db'
import type { WritableDb } from '../core/db/types'
import type { ImportManager } from '../core/ingest/import-manager'
import type { LocalRunManager } from '../core/local-runs/run-manager'
import type { PublishedUpdates } from '../core/published/update-manager'
import { declineCatalogue, ensureCatalogue } from '../core/catalogue/bundled-catalogue'
import { CATALOGUE_PATH } from '../core/catalogue/catalogue-file'
import type { Api } from '../shared/api'
import type { ApiPorts } from './create-api'
import { createApi } from './create-api'
import { EventHub } from './event-hub'

export type BackendOptions = {
  dbPath: string
  shell: ApiPorts['shell']
  /** Folder holding package.json (for the version) and resources/. */
  appRoot: string
  /**
   * Load the published catalogue (resources/catalogue/) into a new database, or a newer build
   * of it into one that has an older build (the app and the CLI do; tests of an empty
   * database do not). 'decline': do not, and mark a new database so later opens do not
   * either (CLI --no-catalogue).
   */
  catalogue: boolean | 'decline'
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
  updates: PublishedUpdates
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
  const cataloguePath = join(o.appRoot, ...CATALOGUE_PATH)
  // A read-only database opens for browsing only: nothing is loaded into it.
  if (db.readonly) {
    // nothing to load
  } else if (o.catalogue === 'decline') declineCatalogue(db, cataloguePath)
  else if (o.catalogue) {
    try {
      ensureCatalogue(db, cataloguePath)
    } catch (e) {
      // A damaged catalogue file must not keep the app from opening the user's database.
      const why = e instanceof Error ? e.message : String(e)
      process.stderr.write(`The bundled catalogue ${cataloguePath} was not loaded: ${why}\n`)
    }
  }
  const hub = new EventHub()
  const { api, imports, runs, updates } = createApi({
    db,
    dbPath: o.dbPath,
    version: appVersion(o.appRoot),
    shell: o.shell,
    emit: hub.emit,
    cataloguePath,
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
    updates,
    close: async () => {
      updates.cancelAll()
      imports.cancelAll()
      runs.cancelAll()
      await Promise.all([updates.idle(), imports.idle(), runs.idle()])
      db.close()
    }
  }
}
