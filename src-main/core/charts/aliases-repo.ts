import type { AcceleratorAlias } from '../../shared/charts/chart-data'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'

/** The user's accelerator alias overrides, by raw name. */
export function listAliases(db: ReadonlyDb): AcceleratorAlias[] {
  return prepareCached(
    db,
    'SELECT raw, canonical FROM accelerator_aliases ORDER BY raw COLLATE NOCASE'
  ).all() as AcceleratorAlias[]
}

/** Sets (or, with canonical null, removes) the override for one raw accelerator name. */
export function setAlias(db: WritableDb, raw: string, canonical: string | null, now: string): void {
  if (canonical === null) {
    prepareCached(db, 'DELETE FROM accelerator_aliases WHERE raw = ?').run(raw.trim())
    return
  }
  prepareCached(
    db,
    `INSERT INTO accelerator_aliases (raw, canonical, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (raw) DO UPDATE SET canonical = excluded.canonical, updated_at = excluded.updated_at`
  ).run(raw.trim(), canonical.trim(), now)
}
