/**
 * Derived efficiency metrics. None of these is an official MLPerf metric: every chart and export
 * that shows one says "derived". Power efficiency is computed only from the measured power of a
 * power submission (PTDaemon readings inside the LoadGen power window), never from TDP or a
 * design power figure (MLPerf results messaging guidelines). Formulas (rules C.4):
 *  - Offline, Server, Interactive: result (samples/s, queries/s, tokens/s) ÷ average watts;
 *  - SingleStream: 1000 ÷ millijoules per query (one sample per query);
 *  - MultiStream (v2.0+): 8000 ÷ millijoules per query (eight samples per query).
 * Every round's energy is stored in millijoules (the v1.0–v2.1 joules are converted on import,
 * src-main/mlperf/inference-power.ts). The legacy MultiStream energy (before v2.0) is per
 * stream, not per query, so it has no efficiency here.
 */
import { POWER_UNITS, isLegacyMultiStream } from '../mlperf'
import { directionOf } from './direction'

export type Derived = { value: number; unit: string } | { value: null; reason: string }

export type EfficiencyInput = {
  round: string
  scenario: string | null
  unit: string
  value: number | null
  powerValue: number | null
  powerUnit: string | null
}

/** "Samples/s" → "samples", "Tokens/s" → "tokens": what one joule buys. */
export function workUnit(unit: string): string {
  const m = /^([A-Za-z]+)\s*\/\s*s$/.exec(unit.trim())
  return m?.[1] ? m[1].toLowerCase() : 'samples'
}

const THROUGHPUT_SCENARIOS = new Set(['Offline', 'Server', 'Interactive'])

/** Energy efficiency in work per joule from measured power; a reason when it cannot be had. */
export function energyEfficiency(r: EfficiencyInput): Derived {
  if (r.powerValue === null || r.powerUnit === null) {
    return { value: null, reason: 'no measured power (not a power submission)' }
  }
  if (!(r.powerValue > 0)) return { value: null, reason: 'measured power is not positive' }
  const pu = r.powerUnit.toLowerCase()
  const scenario = r.scenario ?? ''
  if (THROUGHPUT_SCENARIOS.has(scenario)) {
    if (pu !== 'watts' && pu !== 'w') {
      return { value: null, reason: `${scenario} power in ${r.powerUnit}, expected watts` }
    }
    if (r.value === null || !(r.value > 0)) return { value: null, reason: 'no positive result' }
    return { value: r.value / r.powerValue, unit: `${workUnit(r.unit)}/J` }
  }
  if (scenario === 'SingleStream' || scenario === 'MultiStream') {
    const samplesPerQuery = scenario === 'SingleStream' ? 1 : 8
    if (pu !== POWER_UNITS.millijoules.toLowerCase() && pu !== 'mj') {
      return { value: null, reason: `${scenario} energy in ${r.powerUnit}, expected millijoules` }
    }
    if (scenario === 'MultiStream' && isLegacyMultiStream(r.round)) {
      return { value: null, reason: 'pre-v2.0 MultiStream energy is per stream, not per query' }
    }
    return { value: (samplesPerQuery * 1000) / r.powerValue, unit: 'samples/J' }
  }
  return { value: null, reason: `no energy formula for scenario ${scenario || '(none)'}` }
}

export type PerAcceleratorInput = {
  unit: string
  metric?: string | null
  value: number | null
  acceleratorsTotal: number | null
}

/** Throughput per accelerator; latencies do not divide by a count, CPU-only systems have none. */
export function perAccelerator(r: PerAcceleratorInput): Derived {
  if (directionOf(r.unit, r.metric) === 'lower') {
    return { value: null, reason: 'latency results are not divided per accelerator' }
  }
  if (r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
    return { value: null, reason: 'CPU-only system (no accelerator count)' }
  }
  if (r.value === null || !(r.value > 0)) return { value: null, reason: 'no positive result' }
  return { value: r.value / r.acceleratorsTotal, unit: `${r.unit} per accelerator` }
}
