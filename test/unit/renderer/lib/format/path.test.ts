import { describe, expect, it } from 'vitest'
import { ownerOf, splitPath } from '../../../../../src-renderer/lib/format/path'

describe('paths shown left to right, shortened in the middle', () => {
  it('keeps the last segment whole and the rest in order', () => {
    expect(splitPath('/a/b/summary_results.json')).toEqual({
      head: '/a/b',
      tail: '/summary_results.json'
    })
    expect(splitPath('/data/inference_results_v4.1/closed/')).toEqual({
      head: '/data/inference_results_v4.1',
      tail: '/closed/'
    })
    expect(splitPath('C:\\runs\\result_0.txt')).toEqual({
      head: 'C:\\runs',
      tail: '\\result_0.txt'
    })
    expect(splitPath('summary.csv')).toEqual({ head: '', tail: 'summary.csv' })
    // Head and tail together are the path, unchanged.
    const p = '/work/shared/corpus/consolidated/inference_results_v4.1/summary_results.json'
    const s = splitPath(p)
    expect(s.head + s.tail).toBe(p)
  })

  it('finds which queued path a reported file belongs to', () => {
    const roots = ['/data/v4.1', '/data/v4.1/closed/NVIDIA', '/other']
    expect(ownerOf('/data/v4.1/open/x/y', roots)).toBe('/data/v4.1')
    expect(ownerOf('/data/v4.1/closed/NVIDIA/results/a', roots)).toBe('/data/v4.1/closed/NVIDIA')
    expect(ownerOf('/data/v4.10/z', roots)).toBeNull()
    expect(ownerOf('/other', roots)).toBe('/other')
  })
})
