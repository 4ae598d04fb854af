import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { describeTrainingSet } from '../../../../../../src-main/core/ingest/training/tree-scan'
import {
  v05OrgIndex,
  v05SubmissionFile,
  v05SystemId
} from '../../../../../../src-main/core/ingest/training/v05-layout'

const GOOGLE = 'x/v0.5.0/google/research_v3.32/resnet-tpuv3-32/results/tpu/resnet'.split('/')
const NVIDIA = 'x/v0.5.0/nvidia/submission/results/dgx1/ssd'.split('/')

let root = ''
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('the v0.5 layout', () => {
  it('finds the org right after the round folder, else just above results/', () => {
    expect(v05OrgIndex(GOOGLE, 5)).toBe(2)
    expect(v05OrgIndex(NVIDIA, 4)).toBe(2)
    expect(v05OrgIndex('a/b/results/s/resnet'.split('/'), 2)).toBe(1)
  })

  it('names the system by the folders between the org and results/', () => {
    expect(v05SystemId(GOOGLE, 2, 5, 'resnet')).toBe('research_v3.32/tpu')
    expect(v05SystemId(NVIDIA, 2, 4, 'ssd')).toBe('dgx1')
  })

  it('takes the nearest submission.json between results/ and the org', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'v05-layout-'))
    const segs = [
      ...root.split(path.sep),
      'v0.5.0',
      'google',
      'research',
      'resnet-x',
      'results',
      'tpu',
      'resnet'
    ]
    const results = segs.length - 3
    const org = results - 3
    expect(await v05SubmissionFile(segs, results, org)).toBeNull()
    await mkdir(path.join(root, 'v0.5.0/google/research/resnet-x'), { recursive: true })
    await writeFile(path.join(root, 'v0.5.0/google/research/submission.json'), '{}')
    await writeFile(path.join(root, 'v0.5.0/google/submission.json'), '{}')
    expect(await v05SubmissionFile(segs, results, org)).toBe(
      path.join(root, 'v0.5.0/google/research/submission.json')
    )
  })
})

describe('describeTrainingSet', () => {
  it('tells the modern, v0.5, description-less and loose layouts apart', async () => {
    root ||= await mkdtemp(path.join(tmpdir(), 'v05-layout-'))
    const put = async (rel: string): Promise<void> => {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true })
      await writeFile(path.join(root, rel), '{}')
    }
    await put('training_results_v4.0/Acme/systems/box.json')
    await put('v0.5.0/nvidia/submission/results/dgx1/entry.json')
    const listing = { dirs: ['power'], files: ['result_10.txt', 'result_2.txt', 'scaling.json'] }
    const modern = await describeTrainingSet(
      path.join(root, 'training_results_v4.0/Acme/results/box/bert'),
      listing
    )
    expect(modern).toMatchObject({
      round: 'v4.0',
      layout: 'submission',
      submitter: 'Acme',
      systemId: 'box',
      systemFile: path.join(root, 'training_results_v4.0/Acme/systems/box.json'),
      resultFiles: ['result_2.txt', 'result_10.txt'],
      otherFiles: ['scaling.json'],
      strayDirs: ['power']
    })
    const v05 = await describeTrainingSet(
      path.join(root, 'v0.5.0/nvidia/submission/results/dgx1/ssd'),
      listing
    )
    expect(v05).toMatchObject({
      layout: 'v0.5',
      submitter: 'nvidia',
      systemId: 'dgx1',
      round: 'v0.5'
    })
    const bare = await describeTrainingSet(
      path.join(root, 'training_results_v4.0/Bolt/results/b4/bert'),
      listing
    )
    expect(bare).toMatchObject({ layout: 'submission', submitter: 'Bolt', systemFile: null })
    const loose = await describeTrainingSet(path.join(root, 'mine/box7/bert'), listing)
    expect(loose).toMatchObject({ layout: 'loose', systemId: 'box7', submitter: null })
    expect((await describeTrainingSet(path.join(root, 'mine/runs'), listing)).systemId).toBe('runs')
  })
})
