import { describe, expect, it } from 'vitest'
import { parseTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import {
  folderBenchmark,
  mostCommon,
  setBenchmark
} from '../../../../../../src-main/core/ingest/training/set-benchmark'
import { location, mllogRun } from './set-fixture'

const log = (bench: string) => parseTrainingLog(mllogRun(bench, 10), { round: 'v4.0' })

describe('folderBenchmark', () => {
  it('names the benchmark from the folder, aliases applied', () => {
    expect(folderBenchmark(location({ benchmarkDir: 'mask' }))).toBe('maskrcnn')
    expect(folderBenchmark(location({ layout: 'loose', benchmarkDir: 'bert' }))).toBe('bert')
  })

  it('leaves it to the logs for loose logs in a folder with no benchmark name', () => {
    expect(folderBenchmark(location({ layout: 'loose', benchmarkDir: 'my-runs' }))).toBeNull()
    // A submission folder always names its benchmark, known or not.
    expect(folderBenchmark(location({ benchmarkDir: 'my-runs' }))).toBe('my-runs')
  })
})

describe('mostCommon', () => {
  it('takes the most frequent value, the first of equals, and ignores nulls', () => {
    expect(mostCommon(['a', 'b', 'b', null, null, null])).toBe('b')
    expect(mostCommon(['a', 'b'])).toBe('a')
    expect(mostCommon([null])).toBeNull()
  })
})

describe('setBenchmark', () => {
  it("keeps the folder's benchmark and says when the logs name another", () => {
    const notes: string[] = []
    expect(setBenchmark(location(), 'resnet', [log('bert'), log('bert')], notes)).toBe('resnet')
    expect(notes).toEqual(['The logs name the benchmark "bert"; the folder says "resnet".'])
  })

  it("takes the logs' benchmark when the folder gives none", () => {
    const notes: string[] = []
    const loose = location({ layout: 'loose', benchmarkDir: 'my-runs' })
    expect(setBenchmark(loose, null, [log('bert'), log('gpt3'), log('bert')], notes)).toBe('bert')
    expect(notes).toEqual([])
    const silent = parseTrainingLog(mllogRun('x', 1).replace(/.*submission_benchmark.*\n/, ''), {})
    expect(setBenchmark(loose, null, [silent], [])).toBe('my-runs')
  })
})
