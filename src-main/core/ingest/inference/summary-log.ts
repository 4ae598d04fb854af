/**
 * Parser for LoadGen's `mlperf_log_summary.txt`, every generation from v0.5 to v6.x.
 *
 * The summary is the only source of results for v0.5/v0.7 (their detail log has no result
 * keys), and a cross-check for later rounds. Layout differences handled here (rules B.2, B.6):
 * "Single Stream"/"Multi Stream" and "Performance" in v0.5; legacy MultiStream
 * "Samples per query" with Intervals / Per-query / Per-sample blocks (v0.5–v1.0); Server
 * "Scheduled"/"Completed" headlines moving between rounds; early-stopping blocks (v2.0+),
 * TTFT/TPOT blocks and token lines (LLMs); "(inferred)" token labels (gptj); "90.0th" labels
 * (v5.1+); the Test Parameters block; warning/error counts.
 */

export type SummaryScenario = 'SingleStream' | 'MultiStream' | 'Server' | 'Offline'

/** Where in the file a `label : value` line sits. */
export type SummarySection =
  | 'header'
  | 'earlyStopping'
  | 'additional'
  | 'intervals'
  | 'perQuery'
  | 'perSample'
  | 'testParameters'

export type SummaryEntry = { section: SummarySection; label: string; value: string }

export type EarlyStoppingBlock = {
  /** '' for the plain block, 'TTFT' or 'TPOT' for token-latency runs. */
  name: string
  lines: string[]
  processedQueries: number | null
  /** "Processed at least N queries": the minimum needed. */
  minQueries: number | null
  discarded: number | null
  /** Percentile label ("90", "99", "99.9") → estimate in ns. */
  estimates: Record<string, number>
  runSuccessful: boolean | null
  /** Percentiles for which too few queries were processed, with the number needed. */
  notEnough: { percentile: string; needed: number | null }[]
}

export type SummaryLog = {
  sutName: string | null
  /** Normalised scenario ("Single Stream" → SingleStream). */
  scenario: SummaryScenario | null
  scenarioText: string | null
  mode: string | null
  validity: 'VALID' | 'INVALID' | null
  /** The first metric line after "Mode" (the headline metric of the scenario). */
  headline: { label: string; value: string } | null
  constraints: {
    performance: boolean | null
    minDuration: boolean | null
    minQueries: boolean | null
    earlyStopping: boolean | null
  }
  recommendations: string[]
  earlyStopping: EarlyStoppingBlock[]
  /** Every `label : value` line in file order. */
  entries: SummaryEntry[]
  warnings: number | null
  errors: number | null
  /** The file reached the Test Parameters block (a cut-off file does not). */
  hasTestParameters: boolean
}

const SCENARIOS: Record<string, SummaryScenario> = {
  singlestream: 'SingleStream',
  multistream: 'MultiStream',
  server: 'Server',
  offline: 'Offline'
}

/** Map a scenario spelling ("Single Stream", "offline", "SingleStream") to the official name. */
export function normaliseScenario(text: string | null | undefined): SummaryScenario | null {
  if (!text) return null
  return SCENARIOS[text.replace(/[\s_-]/g, '').toLowerCase()] ?? null
}

function yesNo(v: string): boolean | null {
  const t = v.trim().toLowerCase()
  if (t === 'yes' || t === 'true') return true
  if (t === 'no' || t === 'false') return false
  return null
}

function toInt(s: string | undefined): number | null {
  if (s === undefined) return null
  const n = Number(s.replace(/,/g, ''))
  return Number.isFinite(n) ? n : null
}

function newBlock(name: string): EarlyStoppingBlock {
  return {
    name,
    lines: [],
    processedQueries: null,
    minQueries: null,
    discarded: null,
    estimates: {},
    runSuccessful: null,
    notEnough: []
  }
}

/** Interpret the ` * ...` lines of an early-stopping block (which may wrap over lines). */
function interpretBlock(b: EarlyStoppingBlock): void {
  // Wrapped bullet lines (v4.1 "Not enough queries ... (would need to process at\n least N")
  // are joined to the bullet they continue.
  const bullets: string[] = []
  for (const l of b.lines) {
    const t = l.trim()
    if (t.startsWith('*')) bullets.push(t.slice(1).trim())
    else if (bullets.length > 0) bullets[bullets.length - 1] += ' ' + t
  }
  for (const t of bullets) {
    let m = /^Processed at least (\d+) queries \((\d+)\)/.exec(t)
    if (m) {
      b.minQueries = toInt(m[1])
      b.processedQueries = toInt(m[2])
      continue
    }
    m = /^Would discard (\d+) highest latency queries/.exec(t)
    if (m) {
      b.discarded = toInt(m[1])
      continue
    }
    m = /^Early stopping ([\d.]+)th percentile estimate:\s*(\d+)/.exec(t)
    if (m && m[1] !== undefined && m[2] !== undefined) {
      b.estimates[m[1]] = Number(m[2])
      continue
    }
    m = /^Not enough queries processed for ([\d.]+)th percentile.*?at\s+least (\d+)/.exec(t)
    if (m && m[1] !== undefined) {
      b.notEnough.push({ percentile: m[1], needed: toInt(m[2]) })
      continue
    }
    m = /^Only processed (\d+) queries.*?at least (\d+)/.exec(t)
    if (m) {
      b.processedQueries = toInt(m[1])
      b.minQueries = toInt(m[2])
      b.runSuccessful = false
      continue
    }
    if (/^Run successful/.test(t)) b.runSuccessful = true
    else if (/^Run unsuccessful/.test(t)) b.runSuccessful = false
  }
}

/**
 * Parse a summary file. Never throws; a cut-off file yields what was present (check
 * `validity`, `headline` and `hasTestParameters`).
 */
export function parseSummaryLog(text: string): SummaryLog {
  const out: SummaryLog = {
    sutName: null,
    scenario: null,
    scenarioText: null,
    mode: null,
    validity: null,
    headline: null,
    constraints: { performance: null, minDuration: null, minQueries: null, earlyStopping: null },
    recommendations: [],
    earlyStopping: [],
    entries: [],
    warnings: null,
    errors: null,
    hasTestParameters: false
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split(/\r?\n/)
  let section: SummarySection = 'header'
  let afterMode = false
  let inRecommendations = false
  let block: EarlyStoppingBlock | null = null
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? ''
    const line = raw.replace(/\s+$/, '')
    const trimmed = line.trim()
    if (/^=+$/.test(trimmed)) {
      block = null
      inRecommendations = false
      continue
    }
    if (trimmed === 'MLPerf Results Summary') continue
    if (trimmed === 'Additional Stats') {
      section = 'additional'
      continue
    }
    if (trimmed === 'Test Parameters Used') {
      section = 'testParameters'
      out.hasTestParameters = true
      continue
    }
    // Footer counts.
    let m = /^(No|\d+) warnings? encountered/.exec(trimmed)
    if (m) {
      out.warnings = m[1] === 'No' ? 0 : Number(m[1])
      continue
    }
    m = /^(No|\d+) (?:errors?|ERRORS?) encountered/.exec(trimmed)
    if (m) {
      out.errors = m[1] === 'No' ? 0 : Number(m[1])
      continue
    }
    if (trimmed === '') {
      block = null
      continue
    }
    // Early stopping blocks ("Early Stopping Result:", "TTFT Early Stopping Result:").
    m = /^(?:(\w+) )?Early Stopping Result:?$/.exec(trimmed)
    if (m) {
      block = newBlock(m[1] ?? '')
      out.earlyStopping.push(block)
      inRecommendations = false
      continue
    }
    if (trimmed === 'Recommendations:') {
      inRecommendations = true
      block = null
      continue
    }
    if (block) {
      block.lines.push(trimmed)
      continue
    }
    if (inRecommendations) {
      if (trimmed.startsWith('*')) {
        out.recommendations.push(trimmed.slice(1).trim())
        continue
      }
      inRecommendations = false
    }
    // Legacy MultiStream sub-blocks inside Additional Stats.
    if (section !== 'testParameters' && section !== 'header') {
      if (trimmed.startsWith('Intervals between each IssueQuery')) {
        section = 'intervals'
        continue
      }
      if (trimmed.startsWith('Per-query latency')) {
        section = 'perQuery'
        continue
      }
      if (trimmed.startsWith('Per-sample latency')) {
        section = 'perSample'
        continue
      }
    }
    if (
      trimmed.startsWith('WARNING:') ||
      trimmed.startsWith('Generated samples per query') ||
      trimmed.startsWith('Check the generated_samples')
    ) {
      continue
    }
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const label = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (label === '') continue
    out.entries.push({ section, label, value })
    if (section === 'header') {
      if (label === 'SUT name') out.sutName = value
      else if (label === 'Scenario') {
        out.scenarioText = value
        out.scenario = normaliseScenario(value)
      } else if (label === 'Mode') {
        out.mode = value
        afterMode = true
      } else if (label === 'Result is') {
        out.validity = value === 'VALID' ? 'VALID' : value === 'INVALID' ? 'INVALID' : null
      } else if (label === 'Performance constraints satisfied') {
        out.constraints.performance = yesNo(value)
      } else if (label === 'Min duration satisfied') {
        out.constraints.minDuration = yesNo(value)
      } else if (label === 'Min queries satisfied') {
        out.constraints.minQueries = yesNo(value)
      } else if (label === 'Early stopping satisfied') {
        out.constraints.earlyStopping = yesNo(value)
      } else if (afterMode && out.headline === null && out.validity === null) {
        out.headline = { label, value }
      }
    }
  }
  for (const b of out.earlyStopping) interpretBlock(b)
  return out
}

/** First value for a label (optionally within one section). */
export function summaryValue(
  s: SummaryLog,
  label: string,
  section?: SummarySection
): string | null {
  for (const e of s.entries) {
    if (e.label === label && (section === undefined || e.section === section)) return e.value
  }
  return null
}

/** Numeric view of a summary value ("2634.40" → 2634.4); null when absent or not a number. */
export function summaryNumber(
  s: SummaryLog,
  label: string,
  section?: SummarySection
): number | null {
  const v = summaryValue(s, label, section)
  if (v === null) return null
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return null
  return Number(v)
}

/** Number of decimals printed for a value ("154.90" → 2, "270891" → 0). */
export function printedDecimals(v: string): number {
  const m = /\.(\d+)(?:[eE]|$)/.exec(v)
  return m?.[1]?.length ?? 0
}

/**
 * The plain-percentile headline in ns for SingleStream/MultiStream: the label reads
 * "90th percentile latency (ns)" up to LoadGen 5.0 and "90.0th percentile latency (ns)" later.
 */
export function summaryPercentileLatency(s: SummaryLog, percentile: string): number | null {
  const want = Number(percentile)
  for (const e of s.entries) {
    const m = /^([\d.]+)th percentile latency \(ns\)$/.exec(e.label)
    if (m && Number(m[1]) === want) return Number(e.value)
  }
  return null
}

/** Early-stopping estimate in ns for a percentile ("90", "99") from the plain block. */
export function summaryEarlyStoppingEstimate(s: SummaryLog, percentile: string): number | null {
  const want = Number(percentile)
  for (const b of s.earlyStopping) {
    if (b.name !== '') continue
    for (const [p, v] of Object.entries(b.estimates)) if (Number(p) === want) return v
  }
  return null
}
