import { describe, expect, it } from 'vitest'
import { computePower } from '../../../../../../src-main/core/ingest/inference/power'
import type { PowerInput } from '../../../../../../src-main/core/ingest/inference/power'

const sample = (t: string, w: number): string => `Time,${t},Watts,${w},Volts,230,Amps,1,PF,1`
const input: PowerInput = {
  round: 'v1.0',
  folderScenario: 'MultiStream',
  logScenario: 'MultiStream',
  splText: [sample('01-02-2021 10:00:01.000', 50), sample('01-02-2021 10:00:02.000', 70)].join(
    '\n'
  ),
  powerBegin: '01-02-2021 10:00:00.000',
  powerEnd: '01-02-2021 10:00:04.000',
  resultQueryCount: null,
  qpsWithLoadgenOverhead: null,
  generatedQueryCount: 20,
  generatedSamplesPerQuery: 4,
  serverTimezoneS: null,
  clientTimezoneS: null
}

describe('energy per query', () => {
  it('reconstructs a pre-v2.0 MultiStream query count from the generated queries', () => {
    const p = computePower(input)
    // 60 W over 4 s, 80 samples, published per stream in joules, stored in mJ.
    expect(p.value).toBe(((60 * 4) / 80) * 1000)
    expect(p.unitNote).toMatch(/joules/i)
    expect(p.notes[0]).toMatch(/timezone offsets: analyzer 0 s, LoadGen 0 s/)
  })

  it('gives no figure when the query count cannot be had, after the notes so far', () => {
    const old = computePower({ ...input, generatedQueryCount: null })
    expect(old.value).toBeNull()
    expect(old.notes.at(-2)).toMatch(/^Average of 2 analyzer samples/)
    expect(old.notes.at(-1)).toBe('Cannot reconstruct the query count for this round.')
    const logged = computePower({ ...input, round: 'v4.1', resultQueryCount: 0 })
    expect(logged.notes.at(-1)).toBe('No result_query_count in the detail log.')
    expect([logged.samples, logged.averageWatts]).toEqual([0, null])
  })

  it('gives watts for a power-per-second scenario whatever the round', () => {
    const p = computePower({ ...input, round: 'v4.1', folderScenario: 'Offline' })
    expect([p.value, p.unit, p.samples]).toEqual([60, 'Watts', 2])
  })
})
