/**
 * The user's prices (`charts.setPrice`, sent back with `charts.data`): MLPerf publishes none, so performance
 * per dollar (src-main/charts/per-dollar.ts) is derived from these. A price is a system's
 * purchase price (basis system) or an accelerator's hourly rate (basis accelerator-hour).
 */
import type { PriceBasis } from './chart-view'

/** One stored price. */
export type Price = {
  id: number
  basis: PriceBasis
  /** "submitter/systemId" for basis system, a canonical accelerator id for accelerator-hour. */
  key: string
  usd: number
  note: string | null
  updatedAt: string
}

export type PriceInput = { basis: PriceBasis; key: string; usd: number; note?: string | null }

/** The key a system price is stored under. */
export function systemPriceKey(submitter: string, systemId: string): string {
  return `${submitter}/${systemId}`
}
