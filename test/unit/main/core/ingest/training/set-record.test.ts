import { describe, expect, it } from 'vitest'
import { parseTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import { scoreTrainingRuns } from '../../../../../../src-main/core/ingest/training/score'
import {
  buildTrainingRecord,
  runDetails,
  setSubmitter
} from '../../../../../../src-main/core/ingest/training/set-record'
import type { SetRecordParts } from '../../../../../../src-main/core/ingest/training/set-record'
import type { TrainingSystemInfo } from '../../../../../../src-main/core/ingest/training/system-info'
import { location, mllogRun } from './set-fixture'

const logs = [5, 3, 4, 6, 7].map((m, i) =>
  parseTrainingLog(
    mllogRun('resnet', m, {
      acc: i === 4 ? 0.1 : 0.8,
      org: 'LogOrg',
      extra: [
        ['submission_platform', 'LogBox', {}],
        ['submission_status', 'onprem', {}]
      ]
    }),
    { file: `result_${i}.txt`, round: 'v4.0', benchmark: 'resnet' }
  )
)
const runs = logs.map((l) => l.run)
const score = scoreTrainingRuns('resnet', runs, 1)

function parts(over: Partial<SetRecordParts> = {}): SetRecordParts {
  return {
    loc: location({ submitter: null }),
    round: 'v4.0',
    benchmark: 'resnet',
    runs,
    first: logs[0],
    sys: null,
    target: logs[0]?.target ?? null,
    score,
    scalingFactor: 1,
    energy: null,
    notes: ['a note'],
    ...over
  }
}

const sys = {
  submitter: 'SysOrg',
  division: 'open',
  category: 'Preview',
  systemName: 'SysBox',
  accelerator: 'W',
  acceleratorsTotal: 16,
  nodes: 2,
  framework: 'F',
  fields: { system_name: 'SysBox' },
  remarks: []
} as unknown as TrainingSystemInfo

describe('setSubmitter', () => {
  it('prefers the system description, then the folder, then the logs (v0.5: the folder first)', () => {
    const first = logs[0]
    expect(setSubmitter(location(), sys, first)).toBe('SysOrg')
    expect(setSubmitter(location(), null, first)).toBe('Acme')
    expect(setSubmitter(location({ submitter: null }), null, first)).toBe('LogOrg')
    expect(setSubmitter(location({ layout: 'v0.5' }), sys, first)).toBe('Acme')
    expect(setSubmitter(location({ submitter: null }), null, undefined)).toBe('unknown')
  })
})

describe('runDetails', () => {
  it('gives each run its role in the score', () => {
    // The failed run takes the slowest drop; the 3-minute run is dropped as the fastest.
    expect(runDetails(runs, score).map((r) => [r.file, r.role])).toEqual([
      ['result_0.txt', 'counted'],
      ['result_1.txt', 'dropped-fastest'],
      ['result_2.txt', 'counted'],
      ['result_3.txt', 'counted'],
      ['result_4.txt', 'failed']
    ])
  })
})

describe('buildTrainingRecord', () => {
  it('fills from the logs when there is no system description', () => {
    const r = buildTrainingRecord(parts())
    expect(r).toMatchObject({
      round: 'v4.0',
      division: 'closed',
      category: 'Available on-premise',
      submitter: 'LogOrg',
      systemId: 'box',
      systemName: 'LogBox',
      accelerator: null,
      benchmark: 'resnet',
      runs: 5,
      value: score.value,
      unit: 'minutes',
      scalingFactor: 1,
      flags: { abortedRuns: 0, rcpNormalised: false },
      valid: true,
      sourceKind: 'tree'
    })
    expect(r.detail).toMatchObject({ system: {}, notes: ['a note'], invalidReason: null })
    expect('energyValue' in r).toBe(false)
  })

  it('takes the system description first, and carries energy and scaling', () => {
    const r = buildTrainingRecord(parts({ sys, round: null, energy: 12.5, scalingFactor: 1.1 }))
    expect(r).toMatchObject({
      round: 'unknown',
      division: 'open',
      category: 'Preview',
      submitter: 'SysOrg',
      systemName: 'SysBox',
      nodes: 2,
      acceleratorsTotal: 16,
      energyValue: 12.5,
      energyUnit: 'Joules',
      flags: { rcpNormalised: true }
    })
    expect(r.detail.system).toEqual({ system_name: 'SysBox' })
  })
})
