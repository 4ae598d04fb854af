import { describe, expect, it } from 'vitest'

import {
  computePower,
  parsePowerTimestamp,
  parseSpl,
  timezoneFromPtdJson
} from '../../../../../../src-main/core/ingest/inference/power'
import { powerUnitFor, publishedEnergyUnit } from '../../../../../../src-main/mlperf'
import type { PowerInput } from '../../../../../../src-main/core/ingest/inference/power'

const line = (t: string, w: number): string =>
  `Time,${t},Watts,${w.toFixed(6)},Volts,239.186667,Amps,3.416333,PF,0.965169,Mark,2024-07-12_00-04-34_testing,Ch1,Watts,1`

// Samples once a second; the window is 07:18:53.500 … 07:18:57.500 (4 s), so the samples at
// :54, :55, :56 and :57 fall strictly inside; :53 and :58 are outside; one reading is 0.
const SPL = [
  line('07-12-2024 07:18:53.356', 1000),
  line('07-12-2024 07:18:54.356', 100),
  line('07-12-2024 07:18:55.356', 110),
  line('07-12-2024 07:18:56.356', 0),
  line('07-12-2024 07:18:57.356', 120),
  line('07-12-2024 07:18:58.356', 1000),
  'not a sample line'
].join('\r\n')

const base: PowerInput = {
  round: 'v4.1',
  folderScenario: 'Offline',
  logScenario: 'Offline',
  splText: SPL,
  powerBegin: '07-12-2024 07:18:53.500',
  powerEnd: '07-12-2024 07:18:57.500',
  resultQueryCount: 4000,
  qpsWithLoadgenOverhead: null,
  generatedQueryCount: null,
  generatedSamplesPerQuery: null,
  serverTimezoneS: null,
  clientTimezoneS: null
}

describe('power helpers', () => {
  it('parses power timestamps to microseconds (UTC)', () => {
    const a = parsePowerTimestamp('07-12-2024 07:18:53.356')
    const b = parsePowerTimestamp('07-12-2024 07:18:54.3')
    expect(a).toBe(Date.UTC(2024, 6, 12, 7, 18, 53) * 1000 + 356000)
    expect(b! - a!).toBe(944000)
    expect(parsePowerTimestamp('2024-07-12 07:18')).toBeNull()
  })

  it('parses spl.txt lines (CRLF) and ignores others', () => {
    const s = parseSpl(SPL)
    expect(s).toHaveLength(6)
    expect(s[1]?.watts).toBe(100)
  })

  it('reads each timestamp of a long file exactly as parsePowerTimestamp does', () => {
    // Across minute, hour, day and year ends, with 1–6 fraction digits, stray spaces, a short
    // field and a line cut before its watts: the once-a-minute shortcut must change nothing.
    const stamps = [
      '12-31-2023 23:58:59.999999',
      '12-31-2023 23:59:00.1',
      '12-31-2023 23:59:00.12',
      '12-31-2023 23:59:59.123456',
      '01-01-2024 00:00:00',
      '01-01-2024 00:00:01.5 ',
      ' 01-01-2024 00:00:02.250',
      '1-1-2024 00:00:03.000',
      '01-01-2024 00:00:04.000',
      '01-01-2024 00:01:0x.000',
      '01-01-2024 00:01:05.000'
    ]
    const text = [...stamps.map((t, i) => line(t, 100 + i)), 'Time,01-01-2024 00:01:06.000'].join(
      '\r\n'
    )
    const expected = stamps
      .map((t, i) => ({ timeUs: parsePowerTimestamp(t), watts: 100 + i }))
      .filter((x) => x.timeUs !== null)
    expect(expected).toHaveLength(stamps.length - 1)
    expect(parseSpl(text)).toEqual(expected)
  })

  it('reads the PTDaemon timezone', () => {
    expect(timezoneFromPtdJson('{"version": "1.0", "timezone": -25200}')).toBe(-25200)
    expect(timezoneFromPtdJson('{')).toBeNull()
  })

  it('stores one unit per scenario kind; the tools published joules before v3.0', () => {
    expect(powerUnitFor('Server')).toBe('Watts')
    expect(powerUnitFor('Interactive')).toBe('Watts')
    expect(powerUnitFor('SingleStream')).toBe('millijoules')
    expect(powerUnitFor('MultiStream')).toBe('millijoules')
    expect(publishedEnergyUnit('v3.0')).toBe('millijoules')
    expect(publishedEnergyUnit('v2.1')).toBe('Joules')
    expect(publishedEnergyUnit('v1.0')).toBe('Joules')
  })
})

describe('computePower', () => {
  it('averages Watts strictly inside the window, dropping readings ≤ 0 (Offline/Server)', () => {
    const p = computePower(base)
    expect(p.samples).toBe(3)
    expect(p.value).toBe((100 + 110 + 120) / 3)
    expect(p.unit).toBe('Watts')
    expect(p.durationS).toBe(4)
  })

  it('gives millijoules per query for SingleStream (v3.0+)', () => {
    const p = computePower({ ...base, folderScenario: 'SingleStream', logScenario: 'SingleStream' })
    expect(p.unit).toBe('millijoules')
    expect(p.value).toBe((110 * 4 * 1000) / 4000)
  })

  it('multiplies by 8 for MultiStream inferred from SingleStream', () => {
    const p = computePower({ ...base, folderScenario: 'MultiStream', logScenario: 'SingleStream' })
    expect(p.value).toBe((110 * 4 * 8 * 1000) / 4000)
  })

  it('converts the joules of v2.0–v2.1 to millijoules and says so', () => {
    const p = computePower({
      ...base,
      round: 'v2.1',
      folderScenario: 'SingleStream',
      logScenario: 'SingleStream'
    })
    expect(p.unit).toBe('millijoules')
    // The checker's joules, then × 1000.
    // v2.x averaged every reading in the window, the zero and the negative one included.
    expect(p.value).toBe(((82.5 * 4) / 4000) * 1000)
    expect(p.unitNote).toBe(
      'Energy published in joules by the v2.1 tools; stored in millijoules (× 1000) like every other round.'
    )
    expect(computePower({ ...base, folderScenario: 'SingleStream' }).unitNote).toBeNull()
  })

  it('uses a reconstructed query count before v2.0, with timezone offsets (joules → mJ)', () => {
    // LoadGen wrote local time one hour ahead of the analyzer's: client timezone −3600 s.
    const p = computePower({
      ...base,
      round: 'v1.0',
      folderScenario: 'SingleStream',
      logScenario: 'SingleStream',
      powerBegin: '07-12-2024 08:18:53.500',
      powerEnd: '07-12-2024 08:18:57.500',
      clientTimezoneS: -3600,
      serverTimezoneS: 0,
      resultQueryCount: null,
      qpsWithLoadgenOverhead: 100
    })
    expect(p.unit).toBe('millijoules')
    // Before v3.0 the checker averaged every sample in the window, zeros included.
    expect(p.samples).toBe(4)
    expect(p.value).toBe(((82.5 * 4) / (100 * 4)) * 1000)
    expect(p.unitNote).toContain('published in joules by the v1.0 tools')
  })

  it('explains a missing window or empty window', () => {
    expect(computePower({ ...base, powerBegin: null }).value).toBeNull()
    const empty = computePower({
      ...base,
      powerBegin: '01-01-2020 00:00:00.000',
      powerEnd: '01-01-2020 00:00:01.000'
    })
    expect(empty.value).toBeNull()
    expect(empty.notes.join(' ')).toContain('No power samples')
  })
})
