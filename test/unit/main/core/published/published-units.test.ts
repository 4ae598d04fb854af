import { describe, expect, it } from 'vitest'
import {
  agreesAtPrecision,
  compareFigures,
  printedDecimals
} from '../../../../../src-main/core/published/compare-figures'
import { offlineMessage } from '../../../../../src-main/core/published/http-get'
import { mirrorPath, safeSegment } from '../../../../../src-main/core/published/mirror-path'
import {
  compareRounds,
  fileUrl,
  publishedSources
} from '../../../../../src-main/core/published/sources'
import { normaliseBaseUrl } from '../../../../../src-main/core/repo/published-settings'
import type { ResultFigures } from '../../../../../src-main/shared/published'

describe('the sources table', () => {
  const sources = publishedSources()

  it('has each round once, with files, and looks for the two rounds after the last known', () => {
    const keys = sources.map((s) => `${s.suite} ${s.round}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(sources.every((s) => s.files.length > 0)).toBe(true)
    const inference = sources.filter((s) => s.suite === 'inference')
    const known = inference.filter((s) => !s.probe).map((s) => s.round)
    expect(known).toEqual(['v2.0', 'v2.1', 'v3.0', 'v3.1', 'v4.0', 'v4.1', 'v5.0', 'v5.1', 'v6.0'])
    expect(inference.filter((s) => s.probe).map((s) => s.round)).toEqual(['v6.1', 'v7.0'])
    const training = sources
      .filter((s) => s.suite === 'training')
      .map((s) => [s.round, s.files.length])
    expect(training).toEqual([
      ['v1.0', 10],
      ['v1.1', 6],
      ['v2.0', 10],
      ['v2.1', 8],
      ['v3.0', 6]
    ])
  })

  it('names each table where MLCommons keeps it', () => {
    const v41 = sources.find((s) => s.round === 'v4.1' && s.suite === 'inference')
    expect(v41?.files).toEqual([
      {
        repo: 'mlcommons/inference_results_v4.1',
        ref: 'acec3abace94116468643ed3791065bb04d9b831',
        path: 'summary_results.json'
      }
    ])
    const cm = sources.find((s) => s.round === 'v3.0' && s.suite === 'training')
    for (const f of cm?.files ?? []) {
      expect(f.repo).toBe('mlcommons/cm4mlperf-results')
      expect(f.ref).toBe('84d8b84c6d6e3d646e27d511e438fd12d144ade9')
      expect(f.path).toMatch(
        /^experiment\/mlperf-training--3\.0--[a-z-]+--[a-z-]+\/\d{4}-\d\d-\d\d\.[\d.-]+\/cm-result\.json$/
      )
    }
  })

  it('builds raw-layout URLs with escaped segments and any base', () => {
    expect(
      fileUrl('https://raw.githubusercontent.com/', {
        repo: 'mlcommons/x',
        ref: 'HEAD',
        path: 'a b/c#d.json'
      })
    ).toBe('https://raw.githubusercontent.com/mlcommons/x/HEAD/a%20b/c%23d.json')
    expect(fileUrl('http://mirror.local/raw', { repo: 'o/r', ref: 'main', path: 'f' })).toBe(
      'http://mirror.local/raw/o/r/main/f'
    )
  })

  it('orders rounds numerically', () => {
    expect(['v10.0', 'v2.1', 'v2.0', 'v6.1'].sort(compareRounds)).toEqual([
      'v2.0',
      'v2.1',
      'v6.1',
      'v10.0'
    ])
  })
})

describe('the local mirror', () => {
  it('keeps the repository layout and refuses names that would leave it', () => {
    expect(
      mirrorPath('/data/published', {
        repo: 'mlcommons/inference_results_v5.0',
        path: 'closed/A/x.json'
      })
    ).toBe('/data/published/mlcommons/inference_results_v5.0/closed/A/x.json')
    for (const bad of ['..', '.', '', 'a/b', 'a\\b', 'C:evil', 'nul\0']) {
      expect(() => safeSegment(bad)).toThrow(/cannot be part of a path/)
    }
    expect(() => mirrorPath('/d', { repo: 'o/r', path: 'closed/../../etc/passwd' })).toThrow()
  })
})

describe('the source address', () => {
  it('accepts http(s) addresses without a query and drops the trailing slash', () => {
    expect(normaliseBaseUrl(' https://raw.githubusercontent.com/ ')).toBe(
      'https://raw.githubusercontent.com'
    )
    expect(normaliseBaseUrl('http://127.0.0.1:8080/mirror//')).toBe('http://127.0.0.1:8080/mirror')
    expect(() => normaliseBaseUrl('raw.githubusercontent.com')).toThrow(/not a web address/)
    expect(() => normaliseBaseUrl('file:///etc')).toThrow(/https:\/\//)
    expect(() => normaliseBaseUrl('https://x.org/?a=1')).toThrow(/query/)
  })

  it('says offline in one line naming the host', () => {
    const m = offlineMessage('https://raw.githubusercontent.com/a/b/HEAD/c', 'connection refused')
    expect(m).toBe(
      'Cannot reach raw.githubusercontent.com: connection refused. Check the network connection, or the source address in the settings.'
    )
  })
})

describe('official table against the logs', () => {
  it('compares at the precision the table prints', () => {
    expect(printedDecimals(19391.2)).toBe(1)
    expect(printedDecimals(1042110)).toBe(0)
    expect(printedDecimals(0.512345)).toBe(6)
    expect(printedDecimals(1.5e-7)).toBe(8)
    expect(agreesAtPrecision(19391.2, 19391.2345)).toBe(true)
    expect(agreesAtPrecision(19391.2, 19391.26)).toBe(false)
    expect(agreesAtPrecision(1042110, 1042110.4)).toBe(true)
    expect(agreesAtPrecision(0.512345, 0.5123454)).toBe(true)
    expect(agreesAtPrecision(0.512345, 0.512346)).toBe(false)
  })

  it('adds the power row only where one side has power', () => {
    const fig = (value: number | null, powerValue: number | null): ResultFigures => ({
      value,
      unit: 'Samples/s',
      metric: null,
      powerValue,
      powerUnit: powerValue === null ? null : 'Watts',
      accuracy: null,
      valid: true,
      publicId: null
    })
    expect(compareFigures(fig(100, null), fig(100, null)).map((c) => c.label)).toEqual(['Result'])
    const both = compareFigures(fig(100, 2000.5), fig(101, 2000.52))
    expect(both[0]).toEqual({
      label: 'Result',
      unit: 'Samples/s',
      official: 100,
      fromLogs: 101,
      agrees: false,
      relativeDifference: 0.01
    })
    expect(both[1]).toMatchObject({ label: 'Power', unit: 'Watts', agrees: true })
    expect(both[1]?.relativeDifference).toBeCloseTo(1e-5, 8)
    expect(compareFigures(fig(100, null), null)[0]).toMatchObject({ fromLogs: null, agrees: null })
  })
})
