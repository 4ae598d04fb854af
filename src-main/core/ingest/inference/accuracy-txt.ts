/**
 * Reader for `accuracy/accuracy.txt`, the free-text output of each benchmark's accuracy script.
 * The checker scans it line by line with one regular expression per metric (ACC_PATTERN, spec
 * B.5), keeps the captured text verbatim and renders the metrics as `KEY: value` joined by two
 * spaces (json.dumps of the dict with quotes, commas and braces stripped), e.g.
 * "ROUGE1: 44.5321  ROUGE2: 22.1191  ROUGEL: 28.7225  TOKENS_PER_SAMPLE: 293.7". We keep the
 * captured text so the rendering matches the official Accuracy column character for character.
 *
 * Before v4.x the checker carried a single metric per benchmark and printed the bare number
 * ("75.856"); we render every round in the current `KEY: value` form so the column reads the
 * same across rounds (the number itself is identical).
 */

/** Metric key → regular expression whose first group is the value (anchored like re.match). */
const PATTERNS: Record<string, RegExp> = {
  acc: /^accuracy=([\d.]+)/,
  AUC: /^AUC=([\d.]+)/,
  mAP: /^mAP=([\d.]+)/,
  bleu: /^BLEU:\s*([\d.]+)/,
  F1: /^\{["']exact_match["']:\s*[\d.]+,\s*["']f1["']:\s*([\d.]+)\}/,
  // rnnt/whisper: the checker stores 100 − WER (the "accuracy=" figure); its key was "WER" up to
  // v4.0 and "ACCURACY" since. We always call it ACCURACY because that is what the number is.
  ACCURACY: /^Word Error Rate:.*, accuracy=([0-9.]+)%/,
  DICE: /^Accuracy:\s*mean\s*=\s*([\d.]+)/,
  ROUGE1: /^.*'rouge1':\s([\d.]+)/,
  ROUGE2: /^.*'rouge2':\s([\d.]+)/,
  ROUGEL: /^.*'rougeL':\s([\d.]+)/,
  ROUGELSUM: /^.*'rougeLsum':\s([\d.]+)/,
  GEN_LEN: /^.*'gen_len':\s([\d.]+)/,
  TOKENS_PER_SAMPLE: /^.*'tokens_per_sample':\s([\d.]+)/,
  CLIP_SCORE: /^.*'CLIP_SCORE':\s([\d.]+)/,
  FID_SCORE: /^.*'FID_SCORE':\s([\d.]+)/,
  gsm8k_accuracy: /^.*'gsm8k':\s([\d.]+)/,
  mbxp_accuracy: /^.*'mbxp':\s([\d.]+)/,
  exact_match: /^.*'exact_match':\s([\d.]+)/
}

/** Extra figures shown in the detail panel but not part of the official rendering. */
const EXTRA_PATTERNS: Record<string, RegExp> = {
  WER: /^Word Error Rate:\s*([0-9.]+)%/,
  exact_match: /^\{["']exact_match["']:\s*([\d.]+)/
}

/** Metrics the checker reads for a model, in the order it renders them. */
export function accuracyMetricKeys(mlperfModel: string): string[] | null {
  const m = mlperfModel
  if (m === 'resnet' || m === 'mobilenet' || m === 'rgat') return ['acc']
  if (m.startsWith('ssd-') || m === 'retinanet' || m === 'pointpainting' || m.startsWith('yolo'))
    return ['mAP']
  if (m === 'gnmt') return ['bleu']
  if (m === 'rnnt' || m === 'whisper') return ['ACCURACY']
  if (m.startsWith('bert-')) return ['F1']
  if (m.startsWith('dlrm-')) return ['AUC']
  if (m.startsWith('3d-unet')) return ['DICE']
  if (m.startsWith('gptj')) return ['ROUGE1', 'ROUGE2', 'ROUGEL', 'GEN_LEN']
  if (m.startsWith('llama2-70b')) return ['ROUGE1', 'ROUGE2', 'ROUGEL', 'TOKENS_PER_SAMPLE']
  if (m === 'mixtral-8x7b')
    return ['ROUGE1', 'ROUGE2', 'ROUGEL', 'TOKENS_PER_SAMPLE', 'gsm8k_accuracy', 'mbxp_accuracy']
  if (m === 'stable-diffusion-xl') return ['CLIP_SCORE', 'FID_SCORE']
  if (m === 'llama3.1-405b') return ['ROUGEL', 'exact_match', 'TOKENS_PER_SAMPLE']
  if (m === 'llama3.1-8b' || m === 'llama3.1-8b-edge')
    return ['ROUGE1', 'ROUGE2', 'ROUGEL', 'ROUGELSUM', 'GEN_LEN']
  if (m === 'deepseek-r1') return ['exact_match', 'TOKENS_PER_SAMPLE']
  if (m === 'gpt-oss-120b') return ['exact_match']
  return null
}

export type AccuracyText = {
  /** Metric key → captured text, in rendering order. */
  captured: [string, string][]
  /** Numeric view of the captured metrics plus extras (WER, exact_match). */
  metrics: Record<string, number>
  /** The checker's rendering ("acc: 76.076"), or null when no metric was found. */
  rendered: string | null
  /** The first `hash=` value, when present (v0.7+ files end with one). */
  hash: string | null
  /** Whether the metric list was detected from the content (unknown benchmark). */
  detected: boolean
}

/** Single-metric patterns tried, in this order, when the benchmark is not known. */
const DETECT_ORDER = ['acc', 'mAP', 'F1', 'AUC', 'DICE', 'ACCURACY', 'bleu']

function detectKeys(lines: string[]): string[] | null {
  const joined = lines.join('\n')
  if (/'rouge1':/.test(joined)) {
    const keys = ['ROUGE1', 'ROUGE2', 'ROUGEL']
    if (/'tokens_per_sample':/.test(joined)) keys.push('TOKENS_PER_SAMPLE')
    else if (/'gen_len':/.test(joined)) keys.push('GEN_LEN')
    return keys
  }
  if (/'CLIP_SCORE':/.test(joined)) return ['CLIP_SCORE', 'FID_SCORE']
  for (const k of DETECT_ORDER) {
    const re = PATTERNS[k]
    if (re && lines.some((l) => re.test(l))) return [k]
  }
  return null
}

/** Parse accuracy.txt for a model (its MLPerf name; unknown names are detected by content). */
export function parseAccuracyText(text: string, mlperfModel: string): AccuracyText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split(/\r?\n/)
  let keys = accuracyMetricKeys(mlperfModel)
  let detected = false
  if (keys === null) {
    keys = detectKeys(lines)
    detected = true
  }
  const found = new Map<string, string>()
  let hash: string | null = null
  for (const line of lines) {
    for (const k of keys ?? []) {
      const re = PATTERNS[k]
      const m = re ? re.exec(line) : null
      if (m?.[1] !== undefined) found.set(k, m[1])
    }
    const h = /^hash=(\w+)$/.exec(line)
    if (h?.[1] !== undefined && hash === null) hash = h[1]
    // The checker stops at the first line where every metric and the hash have been seen.
    if (hash !== null && keys !== null && keys.every((k) => found.has(k))) break
  }
  const captured: [string, string][] = []
  for (const k of keys ?? []) {
    const v = found.get(k)
    if (v !== undefined) captured.push([k, v])
  }
  const metrics: Record<string, number> = {}
  for (const [k, v] of captured) {
    const n = Number(v)
    if (Number.isFinite(n)) metrics[k] = n
  }
  for (const [k, re] of Object.entries(EXTRA_PATTERNS)) {
    if (k in metrics) continue
    for (const line of lines) {
      const m = re.exec(line)
      if (m?.[1] !== undefined) {
        const n = Number(m[1])
        if (Number.isFinite(n)) metrics[k] = n
        break
      }
    }
  }
  const rendered = captured.length > 0 ? captured.map(([k, v]) => `${k}: ${v}`).join('  ') : null
  return { captured, metrics, rendered, hash, detected }
}
