/** The steps of parseCheckerCsv: rows by column, the power pairing, one row's input. */
import { describe, expect, it } from 'vitest'
import {
  NO_ROUND_REASON,
  checkerRowInput
} from '../../../../../../src-main/core/ingest/summaries/checker-record'
import { checkerRows } from '../../../../../../src-main/core/ingest/summaries/checker-rows'
import type { CheckerEntry } from '../../../../../../src-main/core/ingest/summaries/checker-rows'
import {
  groupKey,
  pairWithPower
} from '../../../../../../src-main/core/ingest/summaries/power-pairing'
import {
  RecordCollector,
  contextFromPath
} from '../../../../../../src-main/core/ingest/summaries/to-record'

const HEADER = ['Organization', 'Division', 'Platform', 'Model', 'Scenario', 'Result', 'Units']
const line = (row: number, ...fields: string[]) => ({ fields, row })

describe('checkerRows', () => {
  it('sets power rows apart, ignores repeated headers, skips rows of another width', () => {
    const collector = new RecordCollector('summary.csv')
    const sorted = checkerRows(
      HEADER,
      [
        line(2, ' Acme ', 'closed', 'box', 'resnet', 'Offline', '100', 'Samples/s'),
        line(3, ...HEADER),
        line(4, 'Acme', 'closed', 'box', 'resnet', 'Offline', '300', 'Watts'),
        line(5, 'Acme', 'closed', 'box', 'resnet', 'Offline', '301', 'Watts'),
        line(6, 'Acme', 'closed')
      ],
      collector
    )
    expect(sorted.repeatedHeaders).toBe(1)
    expect(sorted.performance).toEqual([
      {
        at: 2,
        row: {
          Organization: 'Acme',
          Division: 'closed',
          Platform: 'box',
          Model: 'resnet',
          Scenario: 'Offline',
          Result: '100',
          Units: 'Samples/s'
        }
      }
    ])
    expect([...sorted.power.values()].map((e) => [e.at, e.row['Result']])).toEqual([[4, '300']])
    expect(collector.skipped.map((s) => s.reason)).toEqual([
      'row 5: a second power row for the same result; the first one is kept',
      'row 6: has 2 fields, the header has 7'
    ])
  })
})

describe('pairWithPower', () => {
  it('gives each performance row its power row, then the power rows left with themselves', () => {
    const entry = (at: number, Platform: string, Units = 'Samples/s') => ({
      at,
      row: {
        Organization: 'A',
        Division: 'closed',
        Platform,
        Model: 'm',
        Scenario: 'Offline',
        Units
      }
    })
    const p1 = entry(1, 'x')
    const p2 = entry(2, 'y')
    const w1 = entry(3, 'x', 'Watts')
    const w3 = entry(4, 'z', 'Watts')
    const power = new Map([
      [groupKey(w1.row), w1],
      [groupKey(w3.row), w3]
    ])
    const calls: [number, number | null][] = []
    pairWithPower([p1, p2], power, (e, pw) => calls.push([e.at, pw?.at ?? null]))
    expect(calls).toEqual([
      [1, 3],
      [2, null],
      [4, 4]
    ])
  })

  it('keys by the Location where a column is absent', () => {
    expect(groupKey({ Location: 'closed/A/results/x/m/Offline', Scenario: 'offline' })).toBe(
      groupKey({
        Division: 'Closed',
        Organization: 'A',
        Platform: 'x',
        Model: 'm',
        Scenario: 'Offline'
      })
    )
  })
})

describe('checkerRowInput', () => {
  const perf: CheckerEntry = {
    at: 2,
    row: {
      Organization: 'Acme',
      Platform: 'box',
      Model: 'resnet',
      Scenario: 'Offline',
      Result: '100',
      Units: 'Samples/s',
      Location: 'closed/Acme/results/box/resnet/Offline'
    }
  }
  const watts: CheckerEntry = { at: 7, row: { ...perf.row, Result: '300', Units: 'Watts' } }
  const v07 = contextFromPath('/x/inference_results_v0.7/summary.csv')

  it('takes the round from the path when there is no version column, and the power row', () => {
    const input = checkerRowInput(perf, watts, v07, 'base')
    expect(input).toMatchObject({
      round: 'v0.7',
      division: 'closed',
      value: '100',
      fileUnit: 'Samples/s',
      powerValue: '300',
      powerUnit: 'Watts',
      notes: ['base', 'Power from row 7 (Watts).']
    })
  })

  it('gives a lone power row no performance value, and no input without a round', () => {
    expect(checkerRowInput(watts, watts, v07, 'base')).toMatchObject({
      value: null,
      fileUnit: null,
      powerValue: '300'
    })
    expect(checkerRowInput(perf, null, contextFromPath('/x/summary.csv'), 'base')).toBeNull()
    expect(NO_ROUND_REASON).toMatch(/^round unknown/)
  })
})
