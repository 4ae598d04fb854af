import { describe, expect, it } from 'vitest'
import {
  accuracyUnsupported,
  BENCHMARKS,
  benchmarkDef,
  suggestBenchmark
} from '../../../../../src-main/core/runner/benchmarks'
import type { ModelInput } from '../../../../../src-main/core/runner/model-input'

const image = (side: number, layout: 'NCHW' | 'NHWC' = 'NCHW'): ModelInput => ({
  name: 'x',
  dtype: 'float32',
  shape: layout === 'NCHW' ? ['N', 3, side, side] : ['N', side, side, 3],
  fixedBatch: null,
  sampleDims: layout === 'NCHW' ? [3, side, side] : [side, side, 3]
})

describe('benchmarks', () => {
  it('knows every mlperf.conf benchmark; resnet50 writes float32 class ids', () => {
    expect(BENCHMARKS.map((b) => b.name)).toContain('retinanet')
    expect(benchmarkDef('resnet50')?.accuracy?.dtype).toBe('float32')
    expect(benchmarkDef('resnet50')?.accuracy?.scorer).toBe(
      'vision/classification_and_detection/tools/accuracy-imagenet.py'
    )
    expect(accuracyUnsupported('resnet50')).toBeNull()
    expect(accuracyUnsupported('retinanet')).toMatch(
      /for retinanet \(object detection\) that is output this app does not produce\. Accuracy runs are available for resnet50/
    )
  })

  it('suggests from the file name and the input shape, and says why', () => {
    expect(suggestBenchmark('resnet50_v1.onnx', image(224))).toEqual({
      benchmark: 'resnet50',
      reason:
        "The file name resnet50_v1.onnx and the input [N, 3, 224, 224] is a 224×224 image, the size of MLPerf's image-classification benchmark (resnet50)."
    })
    const mobilenet = suggestBenchmark('mobilenet_v2.onnx', image(224, 'NHWC'))
    expect(mobilenet.benchmark).toBe('resnet50')
    expect(mobilenet.reason).toMatch(/mobilenet_v2\.onnx is not named after an MLPerf model/)
    expect(suggestBenchmark('ssd_mobilenet_v1.onnx', image(300)).benchmark).toBe('ssd-mobilenet')
    expect(suggestBenchmark('model.onnx', image(800)).benchmark).toBe('retinanet')
    // The name wins over a shape that disagrees, and the reason says so.
    expect(suggestBenchmark('retinanet.onnx', image(224)).reason).toMatch(
      /names retinanet, although the input/
    )
    expect(suggestBenchmark('model.onnx', image(32))).toEqual({
      benchmark: null,
      reason:
        'Neither the file name model.onnx nor the input shape [N, 3, 32, 32] matches an MLPerf benchmark; choose the one the model stands for.'
    })
  })
})
