import { describe, expect, it } from 'vitest'
import {
  cmPowerFigure,
  cmRowInput
} from '../../../../../../src-main/core/ingest/summaries/cm-record'

const perf = {
  Organization: 'Acme',
  Division: 'closed',
  Platform: 'box',
  Model: 'resnet50',
  Scenario: 'SingleStream',
  Result: 1.5,
  Units: 'Latency (ms)',
  Location: 'closed/Acme/results/box/resnet50/SingleStream',
  accelerator_model_name: 'W',
  framework: 'F'
}

describe('cmPowerFigure', () => {
  it('reads the inline v3.0 figure and unit', () => {
    expect(cmPowerFigure({ ...perf, Result_Power: 20, Result_Power_Units: 'Watts' }, null)).toEqual(
      {
        powerValue: 20,
        powerUnit: 'Watts',
        note: null
      }
    )
  })

  it('takes the figure and unit of a separate v4.1 power record', () => {
    const power = { Result_Power: 0.5, Units: 'millijoules' }
    expect(cmPowerFigure(perf, power)).toMatchObject({ powerValue: 0.5, note: null })
    expect(cmPowerFigure(perf, power).powerUnit).not.toBeNull()
  })

  it("assumes the scenario's unit when none is given, and says so", () => {
    const r = cmPowerFigure({ ...perf, Result_Power: 0.5 }, null)
    expect(r.powerValue).toBe(0.5)
    expect(r.note).toBe(
      `The power unit is not in the record; ${r.powerUnit ?? ''} assumed from the scenario.`
    )
    expect(cmPowerFigure(perf, null)).toEqual({ powerValue: null, powerUnit: null, note: null })
  })
})

describe('cmRowInput', () => {
  it("fills the row from the record's columns, the Location where a column is absent", () => {
    const input = cmRowInput(
      { ...perf, Platform: undefined, version: 'v4.1' },
      null,
      'v4.0',
      'base'
    )
    expect(input).toMatchObject({
      round: 'v4.1',
      division: 'closed',
      submitter: 'Acme',
      systemId: 'box',
      benchmark: 'resnet50',
      scenario: 'SingleStream',
      value: 1.5,
      fileUnit: 'Latency (ms)',
      powerValue: null,
      accelerator: 'W',
      notes: ['base']
    })
    expect(input.system).toMatchObject({ Organization: 'Acme', framework: 'F' })
    expect(cmRowInput(perf, null, 'v4.0', 'base').round).toBe('v4.0')
  })

  it('gives no performance value for a power record on its own', () => {
    const power = { ...perf, Result: null, Result_Power: 0.5 }
    const input = cmRowInput(power, power, 'v4.1', 'base')
    expect(input).toMatchObject({ value: null, fileUnit: null, powerValue: 0.5 })
    expect(input.notes).toHaveLength(2)
  })
})
