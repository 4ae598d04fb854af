import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { scanInferenceTree } from '../../../../../../src-main/core/ingest/inference/tree-scan'
import { makeTemp, put, putResult, SYSTEM } from './tree-fixture'

let root = ''

beforeAll(async () => {
  root = await makeTemp('mlperf-scan-')
  const sub = 'inference_results_v4.1/closed/Acme'
  await put(root, `${sub}/systems/box.json`, JSON.stringify(SYSTEM))
  await putResult(root, `${sub}/results/box/resnet50/Offline`)
  await putResult(root, `${sub}/results/box/resnet50/server`)
  await putResult(root, `${sub}/results/box/bert-99/singlestream`)
  // Stray folders that must not be taken for results.
  await putResult(root, `${sub}/results/box/resnet50/Offline/TEST01`)
  await putResult(root, `${sub}/compliance/box/resnet50/Offline/TEST04`)
  await putResult(root, `${sub}/measurements/box/resnet50/Offline`)
  await putResult(root, `${sub}/code/resnet50/Offline`)
  await put(
    root,
    `${sub}/results/box/resnet50/Offline/performance/ranging/mlperf_log_summary.txt`,
    'x'
  )
  await put(root, `${sub}/.git/objects/x`, 'x')
  // A scenario folder without LoadGen runs.
  await put(root, `${sub}/results/box/resnet50/MultiStream/accuracy/accuracy.txt`, 'x')
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('scanInferenceTree', () => {
  it('finds result folders whatever the scenario folder case, skipping stray trees', async () => {
    const found: number[] = []
    const scan = await scanInferenceTree(root, { onFound: (n) => found.push(n) })
    const rel = scan.locations.map((l) =>
      path.relative(root, l.dir).split(path.sep).slice(-2).join('/')
    )
    expect(rel).toEqual(['bert-99/singlestream', 'resnet50/Offline', 'resnet50/server'])
    const first = scan.locations[0]
    expect(first?.round).toBe('v4.1')
    expect(first?.division).toBe('closed')
    expect(first?.submitter).toBe('Acme')
    expect(first?.systemId).toBe('box')
    expect(first?.benchmark).toBe('bert-99')
    expect(first?.scenarioDir).toBe('singlestream')
    expect(first?.submitterDir).toBe(path.join(root, 'inference_results_v4.1/closed/Acme'))
    expect(found).toEqual([1, 2, 3])
    expect(scan.skipped).toHaveLength(1)
    expect(scan.skipped[0]?.path).toContain('MultiStream')
    expect(scan.skipped[0]?.reason).toMatch(/no performance\/run_\*/)
    // What the walk listed travels with the location, so reading it lists nothing again.
    expect(first?.runNames).toEqual(['run_1'])
  })

  it('accepts a submitter folder, a results/<system> folder and a scenario folder as root', async () => {
    const sub = path.join(root, 'inference_results_v4.1/closed/Acme')
    expect((await scanInferenceTree(sub)).locations).toHaveLength(3)
    const sys = await scanInferenceTree(path.join(sub, 'results/box'))
    expect(sys.locations).toHaveLength(3)
    expect(sys.locations[0]?.submitter).toBe('Acme')
    const one = await scanInferenceTree(path.join(sub, 'results/box/resnet50/server'))
    expect(one.locations.map((l) => l.scenarioDir)).toEqual(['server'])
  })

  it('reports an unreadable root and honours the AbortSignal', async () => {
    const missing = await scanInferenceTree(path.join(root, 'nope'))
    expect(missing.locations).toEqual([])
    expect(missing.skipped[0]?.reason).toMatch(/cannot be read/)
    const ac = new AbortController()
    ac.abort()
    await expect(scanInferenceTree(root, { signal: ac.signal })).rejects.toThrow(/cancelled/)
  })
})
