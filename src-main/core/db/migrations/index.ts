import type { WritableDb } from '../types'
import { up as initial } from './0010-initial'
import { up as inferenceFts } from './0020-inference-fts'

export type Migration = { version: number; name: string; up: (db: WritableDb) => void }

/** Ordered list of schema steps. Never edit a step that has shipped; add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: initial },
  { version: 20, name: 'inference-fts', up: inferenceFts }
]
