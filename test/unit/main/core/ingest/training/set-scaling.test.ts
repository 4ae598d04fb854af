import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  readScalingFactor,
  scalingFactorOf
} from '../../../../../../src-main/core/ingest/training/set-scaling'

let root = ''
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('scalingFactorOf', () => {
  it('takes a positive finite scaling_factor, BOM or not', () => {
    expect(scalingFactorOf('{"scaling_factor": 1.0712}')).toBe(1.0712)
    expect(scalingFactorOf('\uFEFF{"scaling_factor": 2}')).toBe(2)
  })

  it('says why anything else is not used', () => {
    const unusable = { problem: 'scaling.json has no usable scaling_factor; factor 1 used.' }
    expect(scalingFactorOf('{"scaling_factor": 0}')).toEqual(unusable)
    expect(scalingFactorOf('{"scaling_factor": "1.1"}')).toEqual(unusable)
    expect(scalingFactorOf('{"factor": 1.1}')).toEqual(unusable)
    expect(scalingFactorOf('null')).toEqual(unusable)
    expect(scalingFactorOf('{')).toEqual({
      problem: 'scaling.json is not valid JSON; factor 1 used.'
    })
  })
})

describe('readScalingFactor', () => {
  it("is 1 without scaling.json, the file's factor with it, 1 and a note when unusable", async () => {
    root = await mkdtemp(path.join(tmpdir(), 'set-scaling-'))
    const notes: string[] = []
    expect(await readScalingFactor(root, notes)).toBe(1)
    await writeFile(path.join(root, 'scaling.json'), '{"scaling_factor": 1.25}')
    expect(await readScalingFactor(root, notes)).toBe(1.25)
    expect(notes).toEqual([])
    await writeFile(path.join(root, 'scaling.json'), 'nope')
    expect(await readScalingFactor(root, notes)).toBe(1)
    expect(notes).toEqual(['scaling.json is not valid JSON; factor 1 used.'])
  })
})
