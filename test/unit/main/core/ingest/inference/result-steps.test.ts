import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createReadContext,
  hasMeasurements,
  loadSystem,
  parseModelMapping
} from '../../../../../../src-main/core/ingest/inference/read-context'
import {
  identifyModel,
  identifyRound,
  identifyScenarios,
  identifySystem
} from '../../../../../../src-main/core/ingest/inference/result-identify'
import {
  loadgenVersionOf,
  readRuns,
  runNamesOf,
  seedsOf,
  summaryProblem
} from '../../../../../../src-main/core/ingest/inference/result-logs'
import type { RunLogs } from '../../../../../../src-main/core/ingest/inference/result-logs'
import { officialRun } from '../../../../../../src-main/core/ingest/inference/result-measure'
import { ResultSkip, startRead } from '../../../../../../src-main/core/ingest/inference/result-read'
import { locationFromPath } from '../../../../../../src-main/core/ingest/inference/tree-scan'
import { makeTemp, offlineSummary, put, putResult, SYSTEM, V41_SEEDS } from './tree-fixture'

let root = ''
const SUB = 'v4.1/closed/Acme'
const loc = (rel: string) => locationFromPath(path.join(root, rel))

beforeAll(async () => {
  root = await makeTemp('mlperf-steps-')
  await put(root, `${SUB}/systems/box.json`, JSON.stringify(SYSTEM))
  await putResult(root, `${SUB}/results/box/resnet50/Offline`)
  for (const run of ['run_10', 'run_2']) {
    await put(
      root,
      `${SUB}/results/box/resnet50/Offline/performance/${run}/mlperf_log_summary.txt`,
      offlineSummary('1.0')
    )
  }
  await put(root, 'mine/Acme/systems/box.json', JSON.stringify({ ...SYSTEM, division: 'open' }))
  await put(root, 'mine/Acme/model_mapping.json', '{"my-net": "resnet", "n": 1}')
  await put(root, 'mine/Acme/measurements/box/my-net/interactive/x.json', '{}')
  // Read by two tests below: here, so that each passes on its own and in any order.
  await putResult(root, 'mine/Acme/results/box/my-net/interactive')
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A run with only a summary text (parsed as the reader parses it). */
async function summaryRun(rel: string): Promise<RunLogs> {
  const { runs } = await readRuns(loc(rel), ['run_1'])
  return runs[0] as RunLogs
}

describe('result logs', () => {
  it('lists the runs in run order and counts the logs read', async () => {
    const l = loc(`${SUB}/results/box/resnet50/Offline`)
    const names = await runNamesOf({ ...l, runNames: undefined })
    expect(names).toEqual(['run_1', 'run_2', 'run_10'])
    const { runs, filesRead } = await readRuns(l, names)
    expect(runs.map((r) => r.name)).toEqual(names)
    // run_1 has both logs, run_2 and run_10 a summary only.
    expect(filesRead).toBe(4)
    expect(seedsOf(runs[0] as RunLogs)).toEqual(V41_SEEDS)
    expect(loadgenVersionOf(runs[0] as RunLogs)).toBe('4.1 @ 2ed9555be0')
    expect(loadgenVersionOf(runs[1] as RunLogs)).toBeNull()
  })

  it('says why a summary cannot be used', async () => {
    const missing = await summaryRun('nowhere/results/box/resnet50/Offline')
    expect(summaryProblem(missing)).toBe('run_1/mlperf_log_summary.txt is missing.')
    await put(
      root,
      'cut/r/performance/run_1/mlperf_log_summary.txt',
      offlineSummary('1').split('\n').slice(0, 6).join('\n')
    )
    expect(summaryProblem(await summaryRun('cut/r'))).toMatch(/is truncated/)
    await put(root, 'junk/r/performance/run_1/mlperf_log_summary.txt', 'hello')
    expect(summaryProblem(await summaryRun('junk/r'))).toMatch(/no recognisable "Scenario" line/)
  })
})

describe('read context', () => {
  it('keeps only the string entries of a model mapping object', () => {
    expect(parseModelMapping('{"a": "b", "c": 3}')).toEqual({ a: 'b' })
    expect(parseModelMapping('["a"]')).toBeNull()
    expect(parseModelMapping('{')).toBeNull()
  })

  it('reads a system description once per import, and says why one cannot be used', async () => {
    const ctx = createReadContext()
    const file = path.join(root, SUB, 'systems', 'box.json')
    const first = await loadSystem(ctx, file)
    expect(await loadSystem(ctx, file)).toBe(first)
    expect(await loadSystem(ctx, path.join(root, 'none.json'))).toEqual({
      error: `System description ${path.join(root, 'none.json')} is missing.`
    })
  })

  it('knows which systems have measurements from one listing of the submitter', async () => {
    const ctx = createReadContext()
    const sub = path.join(root, 'mine/Acme')
    expect(await hasMeasurements(ctx, sub, 'box')).toBe(true)
    expect(await hasMeasurements(ctx, sub, 'other')).toBe(false)
    expect([...(ctx.measurementsCache.get(sub) ?? [])]).toEqual(['box'])
  })
})

describe('identifying a result', () => {
  it('takes the round from the path, with a note when seeds are of another round', async () => {
    const r = startRead(loc(`${SUB}/results/box/resnet50/Offline`), createReadContext())
    const first = await summaryRun(`${SUB}/results/box/resnet50/Offline`)
    expect(identifyRound(r, first)).toMatchObject({ round: 'v4.1', rules: 'v4.1' })
    expect(r.notes).toEqual([])
    const v30 = startRead({ ...r.loc, round: 'v3.0' }, createReadContext())
    expect(identifyRound(v30, first).round).toBe('v3.0')
    expect(v30.notes).toEqual([
      'The RNG seeds are those of v4.1, not v3.0; the checker would reject them.'
    ])
  })

  it('names the import round when the path has none, and skips a result no round fits', async () => {
    const l = loc('mine/Acme/results/box/my-net/interactive')
    const first = await summaryRun('mine/Acme/results/box/my-net/interactive')
    const set = startRead(l, createReadContext('v5.0'))
    expect(identifyRound(set, first).round).toBe('v5.0')
    expect(set.notes[0]).toBe('Round v5.0 set for this import (the path names no round).')
    await put(
      root,
      'odd/Acme/results/box/resnet50/Offline/performance/run_1/mlperf_log_summary.txt',
      offlineSummary('1', { qsl: '1', sampleIndex: '2', schedule: '3' })
    )
    const odd = startRead(loc('odd/Acme/results/box/resnet50/Offline'), createReadContext())
    const oddFirst = await summaryRun('odd/Acme/results/box/resnet50/Offline')
    expect(() => identifyRound(odd, oddFirst)).toThrow(ResultSkip)
    expect(() => identifyRound(odd, oddFirst)).toThrow(/^Round unknown/)
  })

  it('finds the system, the submitter mapping of an open model, and an Interactive folder as Server', async () => {
    const l = loc('mine/Acme/results/box/my-net/interactive')
    const r = startRead(l, createReadContext())
    const system = await identifySystem(r)
    expect([system.division, system.submitter, r.filesRead]).toEqual(['open', 'Acme', 1])
    const round = { round: 'v4.1', rules: 'v4.1', loadgenVersion: null }
    expect(await identifyModel(r, round, system.division)).toBe('resnet')
    expect(r.notes).toEqual([`MLPerf model "resnet" from the submitter's model_mapping.json.`])
    const first = await summaryRun('mine/Acme/results/box/my-net/interactive')
    expect(identifyScenarios(r, first)).toEqual({
      logScenario: 'Offline',
      folderScenario: 'Server'
    })
  })

  it('skips a result whose system description is missing', async () => {
    await putResult(root, `${SUB}/results/ghost/resnet50/Offline`)
    const r = startRead(loc(`${SUB}/results/ghost/resnet50/Offline`), createReadContext())
    await expect(identifySystem(r)).rejects.toThrow(/ghost\.json is missing/)
  })
})

describe('the official run', () => {
  it('is run_1 unless the old Server checker kept the last valid run', async () => {
    const l = loc(`${SUB}/results/box/resnet50/Offline`)
    const { runs } = await readRuns(l, ['run_1', 'run_2', 'run_10'])
    const r = startRead(l, createReadContext())
    const v41 = { round: 'v4.1', rules: 'v4.1', loadgenVersion: null }
    expect(officialRun(r, runs, v41, 'Server').name).toBe('run_1')
    expect(r.notes).toEqual([
      'The official value comes from run_1; 2 more run(s) are listed for reference.'
    ])
    const old = startRead(l, createReadContext())
    const v07 = { round: 'v0.7', rules: 'v0.7', loadgenVersion: null }
    expect(officialRun(old, runs, v07, 'Server').name).toBe('run_10')
    expect(old.notes[0]).toMatch(
      /^The v0\.7 checker read run_1, run_2, run_10 and kept the last valid run \(run_10\)/
    )
    expect(officialRun(old, runs.slice(0, 1), v07, 'Server').name).toBe('run_1')
  })
})
