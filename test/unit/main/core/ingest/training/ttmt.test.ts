import { describe, expect, it } from 'vitest'
import type { EvalPoint } from '../../../../../../src-main/shared/training'
import {
  attmtFromTtas,
  runTtmt,
  setTtmt,
  setTtmtForTarget,
  sortThresholds,
  speedupTable,
  spread,
  timeToThreshold
} from '../../../../../../src-main/core/ingest/training/ttmt'
import { defaultThresholds } from '../../../../../../src-main/core/ingest/training/default-thresholds'
import { trainingTarget } from '../../../../../../src-main/mlperf'

/** Eval points from [minutes, value] pairs. */
const ev = (pairs: [number, number][], metric: string | null = null): EvalPoint[] =>
  pairs.map(([min, value]) => ({ timeMs: min * 60_000, epoch: null, samples: null, value, metric }))

// Run A reaches 0.70 at 2 min, 0.74 at 3 min, 0.76 at 4 min.
const runA = {
  file: 'a',
  evals: ev([
    [1, 0.5],
    [2, 0.7],
    [3, 0.74],
    [4, 0.76]
  ])
}
// Run B reaches 0.71 at 1.5 min, 0.73 at 2.5 min, 0.745 at 3.5 min, never 0.75.
const runB = {
  file: 'b',
  evals: ev([
    [1.5, 0.71],
    [2.5, 0.73],
    [3.5, 0.745]
  ])
}
const TH = [0.75, 0.7, 0.72] // given unsorted on purpose

describe('time to threshold', () => {
  it('orders thresholds by difficulty', () => {
    expect(sortThresholds([0.75, 0.7, 0.72], 'higher')).toEqual([0.7, 0.72, 0.75])
    expect(sortThresholds([2.69, 2.9, 2.75], 'lower')).toEqual([2.9, 2.75, 2.69])
  })

  it('TTA is the first eval reaching the threshold, in minutes', () => {
    expect(timeToThreshold(runA.evals, 0.7, 'higher')).toBe(2) // 0.70 ≥ 0.70 at 2 min
    expect(timeToThreshold(runA.evals, 0.72, 'higher')).toBe(3) // 0.74 at 3 min
    expect(timeToThreshold(runB.evals, 0.75, 'higher')).toBeNull() // never reached
  })

  it('ATTMT is the running mean of TTAs and undefined after a gap', () => {
    // [2, 3, 4] → [2, (2+3)/2 = 2.5, (2+3+4)/3 = 3]
    expect(attmtFromTtas([2, 3, 4])).toEqual([2, 2.5, 3])
    expect(attmtFromTtas([1.5, 2.5, null])).toEqual([1.5, 2, null])
    expect(attmtFromTtas([1, null, 3])).toEqual([1, null, null])
  })

  it('runTtmt on hand-computed runs', () => {
    const a = runTtmt(runA, TH, 'higher')
    expect(a.thresholds).toEqual([0.7, 0.72, 0.75])
    expect(a.tta).toEqual([2, 3, 4])
    expect(a.attmt).toEqual([2, 2.5, 3])
    const b = runTtmt(runB, TH, 'higher')
    // 0.70 → 0.71 at 1.5; 0.72 → 0.73 at 2.5; 0.75 never
    expect(b.tta).toEqual([1.5, 2.5, null])
    // ATTMT: 1.5, (1.5 + 2.5) / 2 = 2, undefined
    expect(b.attmt).toEqual([1.5, 2, null])
  })

  it('lower is better: log perplexity thresholds descend', () => {
    const loss = {
      file: 'l',
      evals: ev([
        [1, 3.0],
        [2, 2.8],
        [3, 2.7],
        [4, 2.65]
      ])
    }
    const r = runTtmt(loss, [2.69, 2.9, 2.75], 'lower')
    // 2.9 → 2.8 at 2 min; 2.75 → 2.7 at 3 min; 2.69 → 2.65 at 4 min
    expect(r.thresholds).toEqual([2.9, 2.75, 2.69])
    expect(r.tta).toEqual([2, 3, 4])
    expect(r.attmt).toEqual([2, 2.5, 3])
  })

  it('a sub-metric can be selected (stable diffusion FID)', () => {
    const sd = {
      file: 'sd',
      evals: [
        ...ev(
          [
            [10, 102],
            [20, 85]
          ],
          'FID'
        ),
        ...ev(
          [
            [11, 0.14],
            [21, 0.16]
          ],
          'CLIP'
        )
      ]
    }
    expect(timeToThreshold(sd.evals, 90, 'lower', 'FID')).toBe(20)
    expect(timeToThreshold(sd.evals, 0.15, 'higher', 'CLIP')).toBe(21)
  })
})

describe('spread across runs (sample std, n − 1)', () => {
  it('hand-computed mean, std and CV', () => {
    // [2, 1.5]: mean 1.75; deviations ±0.25; s² = (0.0625 + 0.0625) / (2 − 1) = 0.125
    // s = √0.125 = 0.3535533906; CV = 0.3535533906 / 1.75 = 0.2020305089
    const s = spread([2, 1.5])
    expect(s.n).toBe(2)
    expect(s.mean).toBe(1.75)
    expect(s.std).toBeCloseTo(0.3535533906, 10)
    expect(s.cv).toBeCloseTo(0.2020305089, 10)
  })

  it('fewer than two values: no std; missing runs are counted', () => {
    expect(spread([4, null])).toEqual({ n: 1, missing: 1, mean: 4, std: null, cv: null })
    expect(spread([null])).toEqual({ n: 0, missing: 1, mean: null, std: null, cv: null })
  })

  it('setTtmt gives spread per threshold for TTA and ATTMT', () => {
    const s = setTtmt([runA, runB], TH, 'higher')
    // TTA at 0.70: [2, 1.5] as above
    expect(s.tta[0]?.mean).toBe(1.75)
    expect(s.tta[0]?.std).toBeCloseTo(0.3535533906, 10)
    // TTA at 0.75: only run A (4 min)
    expect(s.tta[2]).toEqual({ n: 1, missing: 1, mean: 4, std: null, cv: null })
    // ATTMT at 0.72: [2.5, 2]: mean 2.25, s = √((0.0625 + 0.0625) / 1) = 0.35355, CV = 0.157135
    expect(s.attmt[1]?.mean).toBe(2.25)
    expect(s.attmt[1]?.cv).toBeCloseTo(0.1571348403, 10)
    expect(s.attmt[2]?.n).toBe(1)
  })
})

describe('speedup of A over B', () => {
  it('ratio of mean times B / A by TTA and by ATTMT', () => {
    // B reaches 0.70 at 4, 0.72 at 6, 0.75 at 10 min → TTA [4, 6, 10], ATTMT [4, 5, 20/3]
    const slow = {
      file: 'slow',
      evals: ev([
        [4, 0.7],
        [6, 0.72],
        [10, 0.75]
      ])
    }
    const rows = speedupTable(setTtmt([runA], TH, 'higher'), setTtmt([slow], TH, 'higher'))
    // TTA: 4/2 = 2, 6/3 = 2, 10/4 = 2.5
    expect(rows.map((r) => r.ttaSpeedup)).toEqual([2, 2, 2.5])
    // ATTMT: 4/2 = 2, 5/2.5 = 2, (20/3)/3 = 2.2222…
    expect(rows[0]?.attmtSpeedup).toBe(2)
    expect(rows[1]?.attmtSpeedup).toBe(2)
    expect(rows[2]?.attmtSpeedup).toBeCloseTo(20 / 9, 12)
  })

  it('undefined when one side never reaches the threshold; mismatched thresholds throw', () => {
    const rows = speedupTable(setTtmt([runB], TH, 'higher'), setTtmt([runA], TH, 'higher'))
    expect(rows[2]?.ttaSpeedup).toBeNull()
    expect(() =>
      speedupTable(setTtmt([runA], [0.7], 'higher'), setTtmt([runA], [0.71], 'higher'))
    ).toThrow()
  })
})

describe('default thresholds', () => {
  it('resnet: 10 values from 0.70 to 0.759', () => {
    const spec = trainingTarget('v3.0', 'resnet')
    expect(spec).not.toBeNull()
    if (spec === null) return
    const th = defaultThresholds(spec)
    expect(th).toHaveLength(10)
    expect(th[0]).toBe(0.7)
    expect(th[9]).toBe(0.759)
    // step (0.759 − 0.70) / 9 = 0.0065556
    expect(th[1]).toBeCloseTo(0.7065556, 6)
  })

  it('lower-is-better targets start above the target', () => {
    const spec = trainingTarget('v3.1', 'gpt3')
    if (spec === null) throw new Error('no gpt3 target')
    const th = defaultThresholds(spec, 5)
    expect(th[0]).toBeGreaterThan(2.69)
    expect(th[4]).toBe(2.69)
  })

  it('BLEU ranges follow the scale of the round', () => {
    const pts = trainingTarget('v0.6', 'gnmt')
    const frac = trainingTarget('v0.7', 'transformer')
    if (pts === null || frac === null) throw new Error('missing targets')
    // 3 BLEU points below: 21.0 → 24.0 (points), 0.22 → 0.25 (fraction)
    expect(defaultThresholds(pts)[0]).toBe(21)
    expect(defaultThresholds(frac)[0]).toBeCloseTo(0.22, 12)
    expect(defaultThresholds(frac)[9]).toBe(0.25)
  })

  it('setTtmtForTarget uses the primary metric of stable diffusion', () => {
    const spec = trainingTarget('v5.0', 'stable_diffusion')
    if (spec === null) throw new Error('no SD target')
    const run = {
      file: 'sd',
      evals: [
        ...ev(
          [
            [10, 120],
            [20, 85]
          ],
          'FID'
        ),
        ...ev([[11, 0.2]], 'CLIP')
      ]
    }
    const s = setTtmtForTarget([run], spec, [100, 90])
    expect(s.runs[0]?.tta).toEqual([20, 20])
  })
})
