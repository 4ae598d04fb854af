/**
 * Units of the inference power metric (rules C.4). A power submission adds average power in
 * watts (Offline, Server, Interactive) or energy per query (SingleStream, MultiStream). The tools
 * published energy in joules up to v2.1 (per sample in v1.0–v1.1, per stream for the legacy
 * MultiStream of v1.1, per query in v2.0–v2.1) and in millijoules per query from v3.0; MLCommons'
 * consolidated tables give every round in millijoules. The explorer stores one unit per kind so
 * that sorting, filtering, charts and CSV compare like with like: watts, and millijoules.
 */
import { inferenceEra } from './inference-eras'
import type { InferenceScenario } from './inference-metrics'

/** The stored power units. */
export const POWER_UNITS = { watts: 'Watts', millijoules: 'millijoules' } as const

export type PowerUnit = (typeof POWER_UNITS)[keyof typeof POWER_UNITS]

/** Units the checkers and tables wrote, as spelled there (matched case-insensitively). */
export const PUBLISHED_POWER_UNITS = ['Watts', 'millijoules', 'Joules/Stream', 'Joules'] as const

export type PublishedPowerUnit = (typeof PUBLISHED_POWER_UNITS)[number]

/** True when the power metric of a scenario is energy per query (else average watts). */
export function isEnergyScenario(scenario: InferenceScenario): boolean {
  return scenario === 'SingleStream' || scenario === 'MultiStream'
}

/** The stored unit of a scenario's power metric. */
export function powerUnitFor(scenario: InferenceScenario): PowerUnit {
  return isEnergyScenario(scenario) ? POWER_UNITS.millijoules : POWER_UNITS.watts
}

/** The energy unit the tools of a round published (joules before v3.0). */
export function publishedEnergyUnit(round: string): 'Joules' | 'millijoules' {
  return inferenceEra(round, 'energyMillijoules') ? 'millijoules' : 'Joules'
}

/** The published spelling of a unit text, or null when it is not a power unit. */
export function publishedPowerUnit(unit: string | null): PublishedPowerUnit | null {
  if (unit === null) return null
  const text = unit.trim().toLowerCase()
  return PUBLISHED_POWER_UNITS.find((u) => u.toLowerCase() === text) ?? null
}

/** The row note for an energy published in joules and stored in millijoules. */
export function joulesNote(round: string, unit: 'Joules' | 'Joules/Stream' = 'Joules'): string {
  const what = unit === 'Joules/Stream' ? 'joules per stream' : 'joules'
  return `Energy published in ${what} by the ${round} tools; stored in millijoules (× 1000) like every other round.`
}

/**
 * A published power figure in the stored unit: joules (per query, sample or stream) × 1000 →
 * millijoules; watts and millijoules as they are. `note` is set when the value was converted.
 */
export function toStoredPower(
  value: number,
  unit: PublishedPowerUnit,
  round: string
): { value: number; unit: PowerUnit; note: string | null } {
  if (unit === 'Joules' || unit === 'Joules/Stream') {
    return { value: value * 1000, unit: POWER_UNITS.millijoules, note: joulesNote(round, unit) }
  }
  return { value, unit: unit === 'Watts' ? POWER_UNITS.watts : POWER_UNITS.millijoules, note: null }
}
