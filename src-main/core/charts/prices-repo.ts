import type { Price, PriceInput } from '../../shared/charts/prices'
import type { PriceBasis } from '../../shared/charts/chart-view'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'

type PriceRow = {
  id: number
  basis: PriceBasis
  key: string
  usd: number
  note: string | null
  updated_at: string
}

function toPrice(r: PriceRow): Price {
  return { id: r.id, basis: r.basis, key: r.key, usd: r.usd, note: r.note, updatedAt: r.updated_at }
}

/** Every stored price, by basis then key. */
export function listPrices(db: ReadonlyDb): Price[] {
  const rows = prepareCached(
    db,
    'SELECT id, basis, key, usd, note, updated_at FROM prices ORDER BY basis, key'
  ).all() as PriceRow[]
  return rows.map(toPrice)
}

/** Adds a price or replaces the one with the same basis and key. */
export function setPrice(db: WritableDb, p: PriceInput, now: string): Price {
  const row = prepareCached(
    db,
    `INSERT INTO prices (basis, key, usd, note, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (basis, key) DO UPDATE SET usd = excluded.usd, note = excluded.note,
       updated_at = excluded.updated_at
     RETURNING id, basis, key, usd, note, updated_at`
  ).get(p.basis, p.key.trim(), p.usd, p.note ?? null, now) as PriceRow
  return toPrice(row)
}

/** Removes a price; false when there was none with that id. */
export function deletePrice(db: WritableDb, id: number): boolean {
  return prepareCached(db, 'DELETE FROM prices WHERE id = ?').run(id).changes > 0
}
