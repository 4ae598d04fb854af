/**
 * The accuracy log and top-1 accuracy of a classification accuracy run, scored the way the
 * reference script scores the log (vision/classification_and_detection/tools/accuracy-imagenet.py):
 * entries in completion order, the first response of each qsl_idx counts and repeats are ignored
 * (LoadGen issues MultiStream's padding samples twice), and a sample is good when its class
 * equals the val_map label of its qsl_idx. The class written is the model's argmax minus the
 * label offset, i.e. already in the label space, as the reference harness writes it.
 */
import type { AccuracyEntry } from '../loadgen/accuracy-log'
import type { RunRecord } from '../loadgen/run-record'
import type { AccuracyEncoding } from './benchmarks'

export type ClassificationScore = { entries: AccuracyEntry[]; good: number; total: number }

export function scoreClassification(
  record: RunRecord,
  labels: Int32Array,
  labelOffset: number,
  encoding: AccuracyEncoding
): ClassificationScore {
  const entries: AccuracyEntry[] = []
  const seen = new Uint8Array(labels.length)
  let good = 0
  let total = 0
  if (!record.sResponse || !record.completionOrder) return { entries, good, total }
  for (let k = 0; k < record.completedSamples; k++) {
    const seq: number = record.completionOrder[k]!
    const qsl = record.sQsl[seq]!
    const cls = record.sResponse[seq]! - labelOffset
    entries.push({ seqId: seq, qslIdx: qsl, hex: encoding.encode(cls) })
    if (seen[qsl]) continue
    seen[qsl] = 1
    total++
    if (cls === labels[qsl]) good++
  }
  return { entries, good, total }
}
