import type { WritableDb } from '../types'
import { up as initial } from './0010-initial'
import { up as inferenceFts } from './0020-inference-fts'
import { up as training } from './0030-training'
import { up as prices } from './0040-prices'
import { up as localRuns } from './0050-local-runs'
import { up as oneEnergyUnit } from './0060-one-energy-unit'
import { up as trainingEnergy } from './0061-training-energy'
import { up as originCatalogue } from './0070-origin-catalogue'
import { up as publishedSources } from './0075-published-sources'
import { up as roundOrder } from './0080-round-order'
import { up as preferences } from './0081-preferences'
import { up as importTally } from './0082-import-tally'
import { up as importOwner } from './0090-import-owner'
import { up as ftsTriggers } from './0091-fts-triggers'

export type Migration = { version: number; name: string; up: (db: WritableDb) => void }

/** Ordered list of schema steps. Never edit a step that has shipped; add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: initial },
  { version: 20, name: 'inference-fts', up: inferenceFts },
  { version: 30, name: 'training', up: training },
  { version: 40, name: 'prices', up: prices },
  { version: 50, name: 'local-runs', up: localRuns },
  { version: 60, name: 'one-energy-unit', up: oneEnergyUnit },
  { version: 61, name: 'training-energy', up: trainingEnergy },
  { version: 70, name: 'origin-catalogue', up: originCatalogue },
  { version: 75, name: 'published-sources', up: publishedSources },
  { version: 80, name: 'round-order', up: roundOrder },
  { version: 81, name: 'preferences', up: preferences },
  { version: 82, name: 'import-tally', up: importTally },
  { version: 90, name: 'import-owner', up: importOwner },
  { version: 91, name: 'fts-triggers', up: ftsTriggers }
]
