/**
 * mlperf_log_accuracy.json (rules B.4; loadgen/logging.cc `LogAccuracy`): a JSON array, one
 * `{ "seq_id" : …, "qsl_idx" : …, "data" : "<UPPERCASE HEX>" }` element per line in completion
 * order, with LoadGen's spacing. What `data` holds is the benchmark's business (its reference
 * harness decides; see runner/benchmarks.ts).
 */

/** One accuracy-log element. */
export type AccuracyEntry = { seqId: number; qslIdx: number; hex: string }

/** The whole file: "[" + "\n{ … }" joined by "," + "\n]\n" (an empty log is "[\n]\n"). */
export function accuracyLogText(entries: Iterable<AccuracyEntry>): string {
  const parts: string[] = ['[']
  let first = true
  for (const e of entries) {
    parts.push(
      `${first ? '\n' : ',\n'}{ "seq_id" : ${e.seqId}, "qsl_idx" : ${e.qslIdx}, "data" : "${e.hex}" }`
    )
    first = false
  }
  parts.push('\n]\n')
  return parts.join('')
}

/** accuracy.txt for classification top-1, as the resnet50 accuracy script prints it. */
export function accuracyTxt(good: number, total: number, sha256Hex: string): string {
  const pct = total > 0 ? (100 * good) / total : 0
  return `accuracy=${pct.toFixed(3)}%, good=${good}, total=${total}\nhash=${sha256Hex}\n`
}
