/**
 * The result's power figure, when the official run has power samples (spl.txt): computed from
 * the samples between LoadGen's power_begin and power_end as the checker does (power.ts), with
 * the PTD server's and client's time zones from performance/power/.
 */
import path from 'node:path'
import { inferenceEra } from '../../../mlperf'
import { mllogNumber } from './mllog-detail'
import { computePower, timezoneFromPtdJson } from './power'
import type { ValueRules } from './result-measure'
import { readText } from './result-io'
import type { ResultRead } from './result-read'
import type { RunLogs } from './result-logs'
import { logScenarioOf } from './result-logs'

export type ResultPower = {
  powerValue: number | null
  powerUnit: string | null
  /** Said last in the notes (see readInferenceResult), or null. */
  powerUnitNote: string | null
}

const NO_POWER: ResultPower = { powerValue: null, powerUnit: null, powerUnitNote: null }

/** The PTD time zones, from performance/power/{server,client}.json when present. */
async function ptdTimezones(
  r: ResultRead
): Promise<{ server: number | null; client: number | null }> {
  const powerDir = path.join(r.loc.dir, 'performance', 'power')
  const serverJson = await readText(path.join(powerDir, 'server.json'))
  const clientJson = await readText(path.join(powerDir, 'client.json'))
  r.filesRead += (serverJson !== null ? 1 : 0) + (clientJson !== null ? 1 : 0)
  return {
    server: serverJson === null ? null : timezoneFromPtdJson(serverJson),
    client: clientJson === null ? null : timezoneFromPtdJson(clientJson)
  }
}

export async function readPower(
  r: ResultRead,
  official: RunLogs,
  v: ValueRules
): Promise<ResultPower> {
  const splPath = path.join(official.dir, 'spl.txt')
  const splText = await readText(splPath)
  if (splText === null) return NO_POWER
  r.filesRead++
  r.files.push({ role: 'power samples', path: splPath, bytes: Buffer.byteLength(splText) })
  const tz = await ptdTimezones(r)
  const values = official.mllog?.values
  const str = (k: string): string | null => {
    const x = values?.get(k)
    return typeof x === 'string' ? x : null
  }
  const num = (k: string): number | null => mllogNumber(values?.get(k))
  const pr = computePower({
    round: v.rules,
    folderScenario: v.folderScenario,
    logScenario: logScenarioOf(official) ?? v.logScenario,
    splText,
    powerBegin: str('power_begin') ?? official.legacy?.powerBegin ?? null,
    powerEnd: str('power_end') ?? official.legacy?.powerEnd ?? null,
    resultQueryCount: num('result_query_count'),
    qpsWithLoadgenOverhead: num('result_qps_with_loadgen_overhead'),
    generatedQueryCount: num('generated_query_count'),
    generatedSamplesPerQuery: num('generated_samples_per_query'),
    serverTimezoneS: tz.server,
    clientTimezoneS: tz.client
  })
  r.notes.push(...pr.notes.map((n) => `Power: ${n}`))
  if (!inferenceEra(v.rules, 'publishedPower') && pr.value !== null) {
    r.notes.push(
      'Power: no official figure is known for this round; computed with the pre-v2.0 checker rules (unverified).'
    )
  }
  if (pr.value === null) return NO_POWER
  return { powerValue: pr.value, powerUnit: pr.unit, powerUnitNote: pr.unitNote }
}
