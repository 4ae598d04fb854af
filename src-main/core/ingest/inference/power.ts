/**
 * The official power metric of a power result (rules C.4; checker `get_power_metric` /
 * `check_power_dir`). The analyzer samples in `performance/run_1/spl.txt` are averaged over the
 * LoadGen power window (`power_begin` … `power_end`, strictly inside). Offline/Server report the
 * average in Watts; SingleStream/MultiStream report energy per query: millijoules since v3.0,
 * Joules in v1.0–v2.1 (per sample in v1.0/v1.1, whose LoadGen did not log a query count, so the
 * count is reconstructed from the QPS as the checker did). Energies computed in joules are
 * stored in millijoules, the one unit of the column (src-main/mlperf/inference-power.ts).
 *
 * Timestamps: since v1.1 LoadGen and PTDaemon both write UTC. Before that each side wrote its
 * local time, corrected with the `timezone` (seconds) of power/server.json (analyzer) and
 * power/client.json (LoadGen). The arithmetic follows the checker's operation order so results
 * match the official tables bit for bit.
 */
import type { PowerUnit } from '../../../mlperf'
import {
  inferenceEra,
  isEnergyScenario,
  isLegacyMultiStream,
  powerUnitFor,
  publishedEnergyUnit,
  toStoredPower
} from '../../../mlperf'
import type { SummaryScenario } from './summary-log'

export type PowerSample = { timeUs: number; watts: number }

/**
 * "MM-DD-YYYY HH:MM:SS.fff" (the format of spl.txt and power_begin/power_end) → microseconds
 * since the epoch, read as UTC. Fractions of 1–6 digits are accepted, like Python's %f.
 */
export function parsePowerTimestamp(s: string): number | null {
  const m = /^\s*(\d{1,2})-(\d{1,2})-(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\s*$/.exec(s)
  if (!m) return null
  const [, mo, d, y, h, mi, sec, frac] = m
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec))
  if (!Number.isFinite(ms)) return null
  const us = frac === undefined ? 0 : Number(frac.padEnd(6, '0'))
  return ms * 1000 + us
}

/** "MM-DD-YYYY HH:MM:" as spl.txt writes it: the part of a timestamp that changes once a minute. */
const MINUTE_PREFIX = /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:$/
/** The rest of a timestamp after its minute prefix: seconds and an optional fraction. */
const SECONDS_PART = /^(\d{2})(?:\.(\d{1,6}))?\s*$/

/**
 * parsePowerTimestamp for a file of consecutive timestamps: the calendar part is converted once
 * per minute and the seconds added, which gives the same microseconds (Date.UTC is plain
 * integer arithmetic on its fields) at a fraction of the cost on files of many thousand lines.
 */
function minuteCachedParser(): (s: string) => number | null {
  let prefix = ''
  let baseMs = 0
  return (s) => {
    if (prefix === '' || !s.startsWith(prefix)) {
      const head = s.slice(0, 17)
      const full = parsePowerTimestamp(s)
      if (full === null || !MINUTE_PREFIX.test(head)) return full
      const base = parsePowerTimestamp(head + '00')
      if (base === null) return full
      prefix = head
      baseMs = base / 1000
      return full
    }
    const m = SECONDS_PART.exec(s.slice(17))
    if (m === null) return parsePowerTimestamp(s)
    const us = m[2] === undefined ? 0 : Number(m[2].padEnd(6, '0'))
    return (baseMs + Number(m[1]) * 1000) * 1000 + us
  }
}

/** Parse spl.txt: `Time,<timestamp>,Watts,<W>,…` lines (CRLF tolerated); others are skipped. */
export function parseSpl(text: string): PowerSample[] {
  const out: PowerSample[] = []
  const timestamp = minuteCachedParser()
  let pos = 0
  while (pos < text.length) {
    let end = text.indexOf('\n', pos)
    if (end < 0) end = text.length
    if (text.startsWith('Time', pos)) {
      // Fields 1 (timestamp) and 3 (watts) of the comma-separated line.
      const c1 = text.indexOf(',', pos)
      const c2 = c1 < 0 || c1 >= end ? -1 : text.indexOf(',', c1 + 1)
      const c3 = c2 < 0 || c2 >= end ? -1 : text.indexOf(',', c2 + 1)
      if (c3 >= 0 && c3 < end) {
        const c4 = text.indexOf(',', c3 + 1)
        const t = timestamp(text.slice(c1 + 1, c2))
        const wattsText = text.slice(c3 + 1, c4 < 0 || c4 > end ? end : c4).trim()
        const w = Number(wattsText)
        if (t !== null && wattsText !== '' && !Number.isNaN(w)) out.push({ timeUs: t, watts: w })
      }
    }
    pos = end + 1
  }
  return out
}

/** The `timezone` (seconds) of a PTDaemon client.json/server.json; null when absent. */
export function timezoneFromPtdJson(text: string): number | null {
  try {
    const j: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    if (j !== null && typeof j === 'object' && 'timezone' in j) {
      const tz = j.timezone
      return typeof tz === 'number' && Number.isFinite(tz) ? tz : null
    }
  } catch {
    // Unreadable: the caller treats a missing timezone as 0 and notes it.
  }
  return null
}

export type PowerInput = {
  round: string
  /** Scenario of the result folder (decides W vs energy per query). */
  folderScenario: SummaryScenario
  /** Scenario LoadGen ran (MultiStream inferred from SingleStream multiplies by 8). */
  logScenario: SummaryScenario
  splText: string
  powerBegin: string | null
  powerEnd: string | null
  /** result_query_count (v2.0+). */
  resultQueryCount: number | null
  /** result_qps_with_loadgen_overhead (pre-v2.0 SingleStream query count reconstruction). */
  qpsWithLoadgenOverhead: number | null
  /** generated_query_count × generated_samples_per_query (pre-v2.0 MultiStream). */
  generatedQueryCount: number | null
  generatedSamplesPerQuery: number | null
  /** power/server.json and power/client.json `timezone` in seconds (pre-v1.1 only). */
  serverTimezoneS: number | null
  clientTimezoneS: number | null
}

export type PowerResult = {
  value: number | null
  unit: PowerUnit
  averageWatts: number | null
  /** Power window length in seconds. */
  durationS: number | null
  /** Samples averaged. */
  samples: number
  notes: string[]
  /** Set when the round published the energy in joules and the value was converted to mJ. */
  unitNote: string | null
}

/** No figure, and why (after the notes so far). */
function noPower(unit: PowerUnit, notes: readonly string[], why: string): PowerResult {
  return {
    value: null,
    unit,
    averageWatts: null,
    durationS: null,
    samples: 0,
    notes: [...notes, why],
    unitNote: null
  }
}

/** The average power over LoadGen's power window, or why there is none. */
type PowerWindow = { avg: number; duration: number; samples: number }

/** The analyzer's samples strictly inside the window (analyzer clock shifted by its zone). */
function samplesInWindow(input: PowerInput, begin: number, end: number, serverTz: number) {
  // Values ≤ 0 are dropped since the v3.0-era checker; the older checker averaged every sample.
  const dropNonPositive = inferenceEra(input.round, 'energyMillijoules')
  const watts: number[] = []
  for (const s of parseSpl(input.splText)) {
    const t = s.timeUs + serverTz * 1e6
    if (t > begin && t < end) {
      if (dropNonPositive && !(s.watts > 0)) continue
      watts.push(s.watts)
    }
  }
  return watts
}

function powerWindow(input: PowerInput, notes: string[]): PowerWindow | string {
  const utc = inferenceEra(input.round, 'powerUtc')
  const serverTz = utc ? 0 : (input.serverTimezoneS ?? 0)
  const clientTz = utc ? 0 : (input.clientTimezoneS ?? 0)
  if (!utc) {
    notes.push(
      `Pre-v1.1 local timestamps corrected with timezone offsets: analyzer ${serverTz} s, LoadGen ${clientTz} s.`
    )
  }
  const b = input.powerBegin === null ? null : parsePowerTimestamp(input.powerBegin)
  const e = input.powerEnd === null ? null : parsePowerTimestamp(input.powerEnd)
  if (b === null || e === null) return 'No power window (power_begin/power_end) in the detail log.'
  const begin = b + clientTz * 1e6
  const end = e + clientTz * 1e6
  const watts = samplesInWindow(input, begin, end, serverTz)
  if (watts.length === 0) return 'No power samples fall inside the power window.'
  let sum = 0
  for (const w of watts) sum += w
  return { avg: sum / watts.length, duration: (end - begin) / 1e6, samples: watts.length }
}

/** An energy figure: the value, and for joules converted to mJ the stored unit and a note. */
type Energy = { value: number; unit?: PowerUnit; unitNote?: string | null }

/** v2.0+: energy per query from LoadGen's result_query_count. */
function loggedEnergy(input: PowerInput, w: PowerWindow, notes: string[]): Energy | string {
  const inferredMs = input.folderScenario === 'MultiStream' && input.logScenario === 'SingleStream'
  const n = input.resultQueryCount
  if (n === null || n <= 0) return 'No result_query_count in the detail log.'
  const q = Math.trunc(n)
  const { avg, duration } = w
  if (publishedEnergyUnit(input.round) === 'millijoules') {
    const value = inferredMs ? (avg * duration * 8 * 1000) / q : (avg * duration * 1000) / q
    notes.push(
      inferredMs
        ? 'Energy per query = W × s × 8 × 1000 / queries (MultiStream inferred from SingleStream), in mJ.'
        : 'Energy per query = W × s × 1000 / queries, in mJ.'
    )
    return { value }
  }
  const joules = inferredMs ? (avg * duration * 8) / q : (avg * duration) / q
  notes.push('Energy per query = W × s / queries, in J (v2.0–v2.1).')
  return stored(joules, 'Joules', input.round)
}

/** v1.0–v1.1: LoadGen did not log the query count; reconstruct it as the checker did. */
function reconstructedEnergy(input: PowerInput, w: PowerWindow, notes: string[]): Energy | string {
  let n: number | null = null
  if (input.folderScenario === 'MultiStream') {
    if (input.generatedQueryCount !== null && input.generatedSamplesPerQuery !== null) {
      n = input.generatedQueryCount * input.generatedSamplesPerQuery
    }
  } else if (input.qpsWithLoadgenOverhead !== null) {
    n = input.qpsWithLoadgenOverhead * w.duration
  }
  if (n === null || n <= 0) return 'Cannot reconstruct the query count for this round.'
  notes.push(
    'Energy = W × s / queries in J; queries reconstructed from QPS with LoadGen overhead × window (pre-v2.0 checker).'
  )
  const perStream = input.folderScenario === 'MultiStream' && isLegacyMultiStream(input.round)
  const joules = (w.avg * w.duration) / n
  return stored(joules, perStream ? 'Joules/Stream' : 'Joules', input.round)
}

export function computePower(input: PowerInput): PowerResult {
  const notes: string[] = []
  const unit = powerUnitFor(input.folderScenario)
  const w = powerWindow(input, notes)
  if (typeof w === 'string') return noPower(unit, notes, w)
  const base = {
    unit,
    averageWatts: w.avg,
    durationS: w.duration,
    samples: w.samples,
    unitNote: null
  }
  notes.push(
    `Average of ${w.samples} analyzer samples inside the ${w.duration.toFixed(3)} s power window.`
  )
  if (!isEnergyScenario(input.folderScenario)) return { ...base, value: w.avg, notes }
  const energy = inferenceEra(input.round, 'queryCountLogged')
    ? loggedEnergy(input, w, notes)
    : reconstructedEnergy(input, w, notes)
  if (typeof energy === 'string') return noPower(unit, notes, energy)
  return { ...base, ...energy, notes }
}

/** An energy the round's tools published in joules, in the stored millijoules, with the note. */
function stored(
  joules: number,
  unit: 'Joules' | 'Joules/Stream',
  round: string
): { value: number; unit: PowerUnit; unitNote: string | null } {
  const s = toStoredPower(joules, unit, round)
  return { value: s.value, unit: s.unit, unitNote: s.note }
}
