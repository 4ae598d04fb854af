import { describe, expect, it } from 'vitest'
import { accuracyLogText, accuracyTxt } from '../../../../../src-main/core/loadgen/accuracy-log'
import { float32LeHex } from '../../../../../src-main/core/runner/benchmarks'

describe('mlperf_log_accuracy.json', () => {
  it('encodes a class as the resnet50 harness does: little-endian float32, uppercase hex', () => {
    // np.array(864, np.float32).tobytes().hex().upper() == '00005844'
    expect(float32LeHex(864)).toBe('00005844')
    expect(float32LeHex(0)).toBe('00000000')
    expect(float32LeHex(1)).toBe('0000803F')
    expect(float32LeHex(999)).toBe('00C07944')
  })

  it('uses LoadGen spacing and line layout', () => {
    const text = accuracyLogText([
      { seqId: 0, qslIdx: 5, hex: '60030000' },
      { seqId: 1, qslIdx: 2, hex: '01000000' }
    ])
    expect(text).toBe(
      '[\n{ "seq_id" : 0, "qsl_idx" : 5, "data" : "60030000" },\n{ "seq_id" : 1, "qsl_idx" : 2, "data" : "01000000" }\n]\n'
    )
    expect(JSON.parse(text)).toHaveLength(2)
    expect(accuracyLogText([])).toBe('[\n]\n')
  })

  it('writes accuracy.txt like the resnet50 script plus the hash line', () => {
    expect(accuracyTxt(38038, 50000, 'ab'.repeat(32))).toBe(
      `accuracy=76.076%, good=38038, total=50000\nhash=${'ab'.repeat(32)}\n`
    )
  })
})
