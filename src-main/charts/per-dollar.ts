/**
 * Performance per dollar from prices the user enters. MLPerf publishes no prices, so every such
 * number is derived from the user's own figures and labelled that way. Two bases:
 *  - system: the purchase price of a system (keyed by submitter and system id) →
 *    throughput per dollar of hardware (e.g. samples/s per $);
 *  - accelerator-hour: an hourly rate per accelerator (keyed by canonical accelerator id) →
 *    work per dollar of rented time: result × 3600 ÷ (rate × accelerators), e.g. samples per $.
 */
import type { PriceBasis } from '../shared/charts/chart-view'
import type { Price } from '../shared/charts/prices'
import { systemPriceKey } from '../shared/charts/prices'
import { directionOf } from './direction'
import type { Derived } from './efficiency'
import { workUnit } from './efficiency'

export type PerDollarInput = {
  submitter: string
  systemId: string
  accelerator: string | null
  acceleratorsTotal: number | null
  unit: string
  metric?: string | null
  value: number | null
}

/** Looks prices up by basis; build once per chart. */
export function priceLookup(
  prices: readonly Price[],
  basis: PriceBasis
): ReadonlyMap<string, number> {
  const map = new Map<string, number>()
  for (const p of prices) if (p.basis === basis && p.usd > 0) map.set(p.key, p.usd)
  return map
}

/** The label of the derived unit, e.g. "samples/s per $" or "samples per $". */
export function perDollarUnit(unit: string, basis: PriceBasis): string {
  return basis === 'system' ? `${unit} per $` : `${workUnit(unit)} per $`
}

/** Performance per dollar of the user's price; a reason when there is no price or no rate. */
export function perDollar(
  r: PerDollarInput,
  basis: PriceBasis,
  lookup: ReadonlyMap<string, number>,
  canonical: (raw: string | null) => string | null
): Derived {
  if (directionOf(r.unit, r.metric) === 'lower') {
    return { value: null, reason: 'latency results have no per-dollar form' }
  }
  if (r.value === null || !(r.value > 0)) return { value: null, reason: 'no positive result' }
  if (basis === 'system') {
    const usd = lookup.get(systemPriceKey(r.submitter, r.systemId))
    if (usd === undefined) return { value: null, reason: 'no price entered for this system' }
    return { value: r.value / usd, unit: perDollarUnit(r.unit, basis) }
  }
  const id = canonical(r.accelerator)
  if (id === null || r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
    return { value: null, reason: 'CPU-only system: no accelerator-hour price applies' }
  }
  const rate = lookup.get(id)
  if (rate === undefined) return { value: null, reason: `no hourly price entered for ${id}` }
  return {
    value: (r.value * 3600) / (rate * r.acceleratorsTotal),
    unit: perDollarUnit(r.unit, basis)
  }
}
