import { describe, expect, it } from 'vitest'
import type { EfficiencyInput } from '../../../../src-main/charts/efficiency'
import { energyEfficiency, perAccelerator } from '../../../../src-main/charts/efficiency'

function e(over: Partial<EfficiencyInput>): EfficiencyInput {
  return {
    round: 'v4.1',
    scenario: 'Offline',
    unit: 'Samples/s',
    value: 1000,
    powerValue: 250,
    powerUnit: 'Watts',
    ...over
  }
}

describe('energyEfficiency (measured power only)', () => {
  it('Offline and Server: result ÷ average watts, in work per joule', () => {
    expect(energyEfficiency(e({}))).toEqual({ value: 4, unit: 'samples/J' })
    expect(energyEfficiency(e({ scenario: 'Server', unit: 'Queries/s', value: 500 }))).toEqual({
      value: 2,
      unit: 'queries/J'
    })
    expect(energyEfficiency(e({ unit: 'Tokens/s', value: 2500 }))).toEqual({
      value: 10,
      unit: 'tokens/J'
    })
  })

  it('SingleStream: 1000 ÷ mJ per query; MultiStream: 8000 ÷ mJ per query', () => {
    expect(
      energyEfficiency(
        e({
          scenario: 'SingleStream',
          unit: 'Latency (ms)',
          value: 2,
          powerValue: 50,
          powerUnit: 'millijoules'
        })
      )
    ).toEqual({ value: 20, unit: 'samples/J' })
    expect(
      energyEfficiency(
        e({
          scenario: 'MultiStream',
          unit: 'Latency (ms)',
          value: 9,
          powerValue: 400,
          powerUnit: 'millijoules'
        })
      )
    ).toEqual({ value: 20, unit: 'samples/J' })
  })

  it('reads every round in millijoules; pre-v2.0 MultiStream energy per stream is refused', () => {
    // v2.1 published 0.5 J per query; the importers store it as 500 mJ.
    expect(
      energyEfficiency(
        e({
          round: 'v2.1',
          scenario: 'SingleStream',
          unit: 'Latency (ms)',
          powerValue: 500,
          powerUnit: 'millijoules'
        })
      )
    ).toEqual({ value: 2, unit: 'samples/J' })
    expect(
      energyEfficiency(
        e({
          round: 'v2.0',
          scenario: 'MultiStream',
          unit: 'Latency (ms)',
          powerValue: 2000,
          powerUnit: 'millijoules'
        })
      )
    ).toEqual({ value: 4, unit: 'samples/J' })
    expect(
      energyEfficiency(
        e({
          round: 'v1.1',
          scenario: 'MultiStream',
          unit: 'Streams',
          powerValue: 2000,
          powerUnit: 'millijoules'
        })
      ).value
    ).toBeNull()
    // A unit the importers never store is not guessed at.
    expect(
      energyEfficiency(
        e({
          round: 'v2.1',
          scenario: 'SingleStream',
          unit: 'Latency (ms)',
          powerValue: 0.5,
          powerUnit: 'Joules'
        })
      )
    ).toEqual({ value: null, reason: 'SingleStream energy in Joules, expected millijoules' })
  })

  it('never estimates: no measured power, no efficiency (TDP is not used)', () => {
    const r = energyEfficiency(e({ powerValue: null, powerUnit: null }))
    expect(r).toEqual({ value: null, reason: 'no measured power (not a power submission)' })
    expect(energyEfficiency(e({ powerUnit: 'millijoules' })).value).toBeNull()
    expect(energyEfficiency(e({ powerValue: 0 })).value).toBeNull()
  })
})

describe('perAccelerator', () => {
  it('divides throughput by the total accelerators', () => {
    expect(perAccelerator({ unit: 'Samples/s', value: 800, acceleratorsTotal: 8 })).toEqual({
      value: 100,
      unit: 'Samples/s per accelerator'
    })
  })

  it('refuses latencies and CPU-only systems with a reason', () => {
    expect(perAccelerator({ unit: 'Latency (ms)', value: 2, acceleratorsTotal: 8 })).toMatchObject({
      value: null,
      reason: /latency/
    })
    expect(perAccelerator({ unit: 'Samples/s', value: 2, acceleratorsTotal: 0 })).toMatchObject({
      value: null,
      reason: /CPU-only/
    })
    expect(
      perAccelerator({ unit: 'Samples/s', value: 2, acceleratorsTotal: null }).value
    ).toBeNull()
  })
})
