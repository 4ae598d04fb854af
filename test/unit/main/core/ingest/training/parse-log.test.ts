import { describe, expect, it } from 'vitest'
import { parseTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import { UnknownLogFormatError } from '../../../../../../src-main/core/ingest/training/log-line'
import { trainingTarget } from '../../../../../../src-main/mlperf'

type Ev = { t: number; key: string; value?: unknown; md?: Record<string, unknown> }

/** Writes MLLOG lines (v0.7+ syntax) for the given events. */
function mllog(events: Ev[]): string {
  return events
    .map(
      (e) =>
        `:::MLLOG ${JSON.stringify({
          namespace: '',
          time_ms: e.t,
          event_type: 'POINT_IN_TIME',
          key: e.key,
          value: e.value ?? null,
          metadata: { file: 'train.py', lineno: 1, ...(e.md ?? {}) }
        })}`
    )
    .join('\n')
}

const T0 = 1_700_000_000_000

describe('parseTrainingLog: MLLOG runs', () => {
  it('times run_start → run_stop and checks the target (resnet v3.0, 0.759)', () => {
    const text = mllog([
      { t: T0 - 5000, key: 'submission_benchmark', value: 'resnet' },
      { t: T0, key: 'run_start' },
      { t: T0 + 60_000, key: 'eval_accuracy', value: 0.7, md: { epoch_num: 4 } },
      { t: T0 + 120_000, key: 'eval_accuracy', value: 0.76, md: { epoch_num: 8 } },
      { t: T0 + 125_000, key: 'run_stop', md: { status: 'success' } },
      { t: T0 + 126_000, key: 'run_final' }
    ])
    const { run, benchmark, target } = parseTrainingLog(text, {
      file: 'result_0.txt',
      round: 'v3.0'
    })
    expect(benchmark).toBe('resnet')
    expect(target?.target).toBe(0.759)
    expect(run.status).toBe('success')
    expect(run.converged).toBe(true)
    expect(run.reachedTarget).toBe(true)
    // 125 000 ms / 60 / 1000 = 2.083333… minutes
    expect(run.timeToTrainMs).toBe(125_000)
    expect(run.minutes).toBe(125_000 / 60 / 1000)
    expect(run.evals).toEqual([
      { timeMs: 60_000, epoch: 4, samples: null, value: 0.7, metric: null },
      { timeMs: 120_000, epoch: 8, samples: null, value: 0.76, metric: null }
    ])
  })

  it('marks an aborted run_stop', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 1000, key: 'eval_accuracy', value: 0.76 },
      { t: T0 + 2000, key: 'run_stop', md: { status: 'aborted' } }
    ])
    const { run } = parseTrainingLog(text, { round: 'v3.0', benchmark: 'resnet' })
    expect(run.status).toBe('aborted')
    expect(run.converged).toBe(false)
    expect(run.minutes).toBe(2000 / 60 / 1000)
  })

  it('a truncated log (no run_stop) is incomplete but keeps its evals', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 30_000, key: 'eval_accuracy', value: 0.5 }
    ])
    const { run } = parseTrainingLog(text, { round: 'v3.0', benchmark: 'resnet' })
    expect(run.status).toBe('incomplete')
    expect(run.reason).toMatch(/run_stop not logged/)
    expect(run.timeToTrainMs).toBeNull()
    expect(run.evals).toHaveLength(1)
  })

  it('success status without reaching the target fails the run', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 1000, key: 'eval_accuracy', value: 0.75894 },
      { t: T0 + 2000, key: 'run_stop', md: { status: 'success' } }
    ])
    const { run } = parseTrainingLog(text, { round: 'v3.0', benchmark: 'resnet' })
    expect(run.status).toBe('failed')
    expect(run.reachedTarget).toBe(false)
    expect(run.reason).toMatch(/best 0\.75894/)
  })

  it('lower is better: rnnt WER ≤ 0.058', () => {
    const ok = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 1000, key: 'eval_accuracy', value: 12.45 },
      { t: T0 + 2000, key: 'eval_accuracy', value: 0.0579 },
      { t: T0 + 3000, key: 'run_stop', md: { status: 'success' } }
    ])
    expect(parseTrainingLog(ok, { round: 'v3.0', benchmark: 'rnnt' }).run.converged).toBe(true)
    const bad = ok.replace('0.0579', '0.0581')
    expect(parseTrainingLog(bad, { round: 'v3.0', benchmark: 'rnnt' }).run.converged).toBe(false)
  })

  it('uses the summarizer rule for repeated run_start: the last one before run_stop', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 10_000, key: 'run_start' },
      { t: T0 + 70_000, key: 'eval_accuracy', value: 0.8 },
      { t: T0 + 70_000, key: 'run_stop', md: { status: 'success' } },
      { t: T0 + 99_000, key: 'run_stop', md: { status: 'success' } }
    ])
    expect(parseTrainingLog(text, { round: 'v3.0', benchmark: 'resnet' }).run.timeToTrainMs).toBe(
      60_000
    )
  })

  it('non-epoch time_ms (v0.7 HugeCTR) still times the run, with a note', () => {
    const text = mllog([
      { t: 1592670083218, key: 'submission_benchmark', value: 'dlrm' },
      { t: 1592985147, key: 'run_start' },
      { t: 1593002309, key: 'eval_accuracy', value: 0.8026, md: { epoch_num: 1.05 } },
      { t: 1593184341, key: 'run_stop', md: { status: 'success' } }
    ])
    const { run, notes } = parseTrainingLog(text, { round: 'v0.7' })
    // 1593184341 − 1592985147 = 199 194 ms
    expect(run.timeToTrainMs).toBe(199_194)
    expect(run.converged).toBe(true)
    expect(run.evals[0]?.timeMs).toBe(17_162)
    expect(notes.join(' ')).toMatch(/not an epoch time/)
  })

  it('a malformed record fails the run as the official parser would', () => {
    const text =
      mllog([
        { t: T0, key: 'run_start' },
        { t: T0 + 1000, key: 'eval_accuracy', value: 0.8 },
        { t: T0 + 2000, key: 'run_stop', md: { status: 'success' } }
      ]) + '\n:::MLLOG {"namespace": "", "time_ms": 3, "key": "tra'
    const { run } = parseTrainingLog(text, { round: 'v3.0', benchmark: 'resnet' })
    expect(run.status).toBe('failed')
    expect(run.malformedLines).toBe(1)
  })

  it('stable diffusion needs FID ≤ 90 and CLIP ≥ 0.15 at the same samples_count', () => {
    const sd = (clipAt2: number): string =>
      mllog([
        { t: T0, key: 'run_start' },
        { t: T0 + 10, key: 'run_stop', md: { status: 'success' } },
        // Offline evaluation after run_stop, one record per metric.
        {
          t: T0 + 100,
          key: 'eval_accuracy',
          value: 85,
          md: { samples_count: 1000, metric: 'FID' }
        },
        {
          t: T0 + 110,
          key: 'eval_accuracy',
          value: 0.14,
          md: { samples_count: 1000, metric: 'CLIP' }
        },
        {
          t: T0 + 200,
          key: 'eval_accuracy',
          value: 95,
          md: { samples_count: 2000, metric: 'FID' }
        },
        {
          t: T0 + 210,
          key: 'eval_accuracy',
          value: clipAt2,
          md: { samples_count: 2000, metric: 'CLIP' }
        }
      ])
    // FID passes at 1000 but CLIP fails there; at 2000 CLIP passes but FID fails.
    expect(
      parseTrainingLog(sd(0.2), { round: 'v5.0', benchmark: 'stable_diffusion' }).run.converged
    ).toBe(false)
    const good = sd(0.2).replace('"value":95', '"value":80')
    const { run } = parseTrainingLog(good, { round: 'v5.0', benchmark: 'stable_diffusion' })
    expect(run.converged).toBe(true)
    expect(run.evals.map((e) => e.metric)).toEqual(['FID', 'CLIP', 'FID', 'CLIP'])
    expect(run.minutes).toBe(10 / 60 / 1000)
  })

  it('mask r-cnn dict values are split into BBOX/SEGM points', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      {
        t: T0 + 1000,
        key: 'eval_accuracy',
        value: { BBOX: 0.38, SEGM: 0.338 },
        md: { epoch_num: 10 }
      },
      {
        t: T0 + 2000,
        key: 'eval_accuracy',
        value: { BBOX: 0.379, SEGM: 0.341 },
        md: { epoch_num: 11 }
      },
      { t: T0 + 3000, key: 'run_stop', md: { status: 'success' } }
    ])
    const { run } = parseTrainingLog(text, { round: 'v1.0', benchmark: 'maskrcnn' })
    expect(run.evals).toHaveLength(4)
    expect(run.converged).toBe(true)
    const onlyFirst = text.replace('"SEGM":0.341', '"SEGM":0.338')
    expect(
      parseTrainingLog(onlyFirst, { round: 'v1.0', benchmark: 'maskrcnn' }).run.converged
    ).toBe(false)
  })

  it('without a known target the run is judged on run_stop only', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 2000, key: 'run_stop', md: { status: 'success' } }
    ])
    const { run } = parseTrainingLog(text, { benchmark: 'my_model' })
    expect(run.converged).toBe(true)
    expect(run.reachedTarget).toBeNull()
    expect(run.reason).toMatch(/No quality target/)
  })

  it('throws UnknownLogFormatError for a file without records', () => {
    expect(() => parseTrainingLog('just text\n')).toThrow(UnknownLogFormatError)
  })
})

describe('parseTrainingLog: v0.6 (:::MLL, seconds)', () => {
  const v06 = [
    ':::MLL 0.0 submission_benchmark: {"value": "transformer", "metadata": {"lineno": 0, "file": "N/A"}}',
    ':::MLL 0.0 submission_division: {"value": "closed", "metadata": {"lineno": 0, "file": "N/A"}}',
    ':::MLL 1561426537.545 init_start: {"value": null, "metadata": {"file": "train.py", "lineno": 57}}',
    ':::MLL 1561426600.000 run_start: {"value": null, "metadata": {"file": "train.py", "lineno": 90}}',
    ':::MLL 1561426900.250 eval_accuracy: {"value": "23.76", "metadata": {"epoch_num": 2, "file": "train.py", "lineno": 211}}',
    ':::MLL 1561427177.959 eval_accuracy: {"metadata": {"epoch_num": 3, "file": "train.py", "lineno": 211}, "value": "25.98"}',
    ':::MLL 1561427178.017 run_stop: {"value": null, "metadata": {"status": "success", "file": "train.py", "lineno": 231}}'
  ].join('\n') // no final newline, as in Google's v0.6 files

  it('ignores the 0.0 submission stamps and converts seconds', () => {
    const { run, round, division } = parseTrainingLog(v06)
    expect(round).toBe('v0.6')
    expect(division).toBe('closed')
    expect(run.format).toBe('mll')
    // 1561427178.017 − 1561426600.000 s = 578.017 s = 578 017 ms
    expect(run.timeToTrainMs).toBe(578_017)
    expect(run.minutes).toBe(578_017 / 60 / 1000)
    // BLEU written as strings, in points, target 25.0 points.
    expect(run.evals.map((e) => e.value)).toEqual([23.76, 25.98])
    expect(run.target).toBe(25)
    expect(run.converged).toBe(true)
  })
})

describe('parseTrainingLog: v0.5 (:::MLPv0.5.0)', () => {
  const line = (t: string, key: string, value?: string): string =>
    `:::MLPv0.5.0 resnet ${t} (resnet_main.py:1) ${key}${value === undefined ? '' : ': ' + value}`

  it('uses run_stop, records run_final and the {"success": "true"} flag', () => {
    const text = [
      line('1543902700.000000000', 'run_clear_caches'),
      line('1543902799.916121960', 'run_start'),
      line('1543903100.019622087', 'eval_accuracy', '{"value": 0.7498, "epoch": 60}'),
      line('1543903100.066323042', 'eval_target', '0.749'),
      line('1543906347.122591019', 'run_stop', '{"success": "true"}'),
      line('1543906347.394174099', 'run_final')
    ].join('\n')
    const { run, round, notes } = parseTrainingLog(text)
    expect(round).toBe('v0.5')
    expect(run.logBenchmark).toBe('resnet')
    expect(run.converged).toBe(true)
    expect(run.target).toBe(0.749)
    expect(run.evals[0]?.epoch).toBe(60)
    // ≈ 3547.2065 s from run_start to run_stop; run_final 0.2716 s later.
    expect(run.timeToTrainMs).toBeCloseTo(3_547_206.469, 2)
    expect(run.runFinalMs).toBeCloseTo(3_547_478.052, 2)
    expect(notes).toEqual([])
  })

  it('run_stop without a value relies on the target; {"success": false} is aborted', () => {
    const base = [
      line('100.0', 'run_start'),
      line('160.0', 'eval_accuracy', '{"value": 0.75, "epoch": 1}')
    ]
    const none = parseTrainingLog([...base, line('170.0', 'run_stop')].join('\n')).run
    expect(none.status).toBe('success')
    expect(none.minutes).toBe(70_000 / 60 / 1000)
    const aborted = parseTrainingLog(
      [...base, line('170.0', 'run_stop', '{"success": false}')].join('\n')
    ).run
    expect(aborted.status).toBe('aborted')
  })

  it('notes an eval_target that disagrees with the table', () => {
    const text = [
      line('100.0', 'run_start'),
      line('101.0', 'eval_target', '0.7'),
      line('160.0', 'eval_accuracy', '{"value": 0.75, "epoch": 1}'),
      line('170.0', 'run_stop', '{"success": true}')
    ].join('\n')
    expect(parseTrainingLog(text).notes.join(' ')).toMatch(/eval_target is 0\.7/)
  })
})

describe('value scale', () => {
  it('BLEU points against a fractional target are rescaled (v0.7 transformer 0.25)', () => {
    const text = mllog([
      { t: T0, key: 'run_start' },
      { t: T0 + 1000, key: 'eval_accuracy', value: 25.3 },
      { t: T0 + 2000, key: 'run_stop', md: { status: 'success' } }
    ])
    const spec = trainingTarget('v0.7', 'transformer')
    const { run } = parseTrainingLog(text, { benchmark: 'transformer', round: 'v0.7' })
    expect(spec?.target).toBe(0.25)
    expect(run.valueScale).toBe(0.01)
    expect(run.evals[0]?.value).toBeCloseTo(0.253, 12)
    expect(run.converged).toBe(true)
  })
})
