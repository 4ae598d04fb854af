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

import { interpretBlock, newBlock } from './summary-early-stopping'

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

/** What the parser knows between lines: where it is and which block it is filling. */
type ParseState = {
  out: SummaryLog
  section: SummarySection
  /** The "Mode" line was read: the next metric line is the headline. */
  afterMode: boolean
  inRecommendations: boolean
  block: EarlyStoppingBlock | null
}

function emptySummary(): SummaryLog {
  return {
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
}

/** Rules, titles and section titles: they end a block and change the section. */
function layoutLine(p: ParseState, trimmed: string): boolean {
  if (/^=+$/.test(trimmed)) {
    p.block = null
    p.inRecommendations = false
    return true
  }
  if (trimmed === 'MLPerf Results Summary') return true
  if (trimmed === 'Additional Stats') {
    p.section = 'additional'
    return true
  }
  if (trimmed === 'Test Parameters Used') {
    p.section = 'testParameters'
    p.out.hasTestParameters = true
    return true
  }
  return false
}

/** The footer's warning and error counts ("No warnings encountered during test."). */
function footerLine(out: SummaryLog, trimmed: string): boolean {
  let m = /^(No|\d+) warnings? encountered/.exec(trimmed)
  if (m) {
    out.warnings = m[1] === 'No' ? 0 : Number(m[1])
    return true
  }
  m = /^(No|\d+) (?:errors?|ERRORS?) encountered/.exec(trimmed)
  if (m) {
    out.errors = m[1] === 'No' ? 0 : Number(m[1])
    return true
  }
  return false
}

/**
 * Early-stopping blocks ("Early Stopping Result:", "TTFT Early Stopping Result:") and the
 * recommendations list: their lines are collected, not read as `label : value` lines. A blank
 * line ends a block.
 */
function blockLine(p: ParseState, trimmed: string): boolean {
  if (trimmed === '') {
    p.block = null
    return true
  }
  const m = /^(?:(\w+) )?Early Stopping Result:?$/.exec(trimmed)
  if (m) {
    p.block = newBlock(m[1] ?? '')
    p.out.earlyStopping.push(p.block)
    p.inRecommendations = false
    return true
  }
  if (trimmed === 'Recommendations:') {
    p.inRecommendations = true
    p.block = null
    return true
  }
  if (p.block) {
    p.block.lines.push(trimmed)
    return true
  }
  if (p.inRecommendations) {
    if (trimmed.startsWith('*')) {
      p.out.recommendations.push(trimmed.slice(1).trim())
      return true
    }
    p.inRecommendations = false
  }
  return false
}

/** Legacy MultiStream sub-blocks inside Additional Stats (v0.5–v1.0). */
function legacySubBlock(p: ParseState, trimmed: string): boolean {
  if (p.section === 'testParameters' || p.section === 'header') return false
  if (trimmed.startsWith('Intervals between each IssueQuery')) p.section = 'intervals'
  else if (trimmed.startsWith('Per-query latency')) p.section = 'perQuery'
  else if (trimmed.startsWith('Per-sample latency')) p.section = 'perSample'
  else return false
  return true
}

/** LoadGen's remarks that hold a colon but no value. */
function isRemark(trimmed: string): boolean {
  return (
    trimmed.startsWith('WARNING:') ||
    trimmed.startsWith('Generated samples per query') ||
    trimmed.startsWith('Check the generated_samples')
  )
}

const CONSTRAINTS = new Map<string, keyof SummaryLog['constraints']>([
  ['Performance constraints satisfied', 'performance'],
  ['Min duration satisfied', 'minDuration'],
  ['Min queries satisfied', 'minQueries'],
  ['Early stopping satisfied', 'earlyStopping']
])

/** A header line's field: SUT, scenario, mode, verdict, constraints, or the headline metric. */
function headerField(p: ParseState, label: string, value: string): void {
  const out = p.out
  const constraint = CONSTRAINTS.get(label)
  if (label === 'SUT name') out.sutName = value
  else if (label === 'Scenario') {
    out.scenarioText = value
    out.scenario = normaliseScenario(value)
  } else if (label === 'Mode') {
    out.mode = value
    p.afterMode = true
  } else if (label === 'Result is') {
    out.validity = value === 'VALID' ? 'VALID' : value === 'INVALID' ? 'INVALID' : null
  } else if (constraint !== undefined) {
    out.constraints[constraint] = yesNo(value)
  } else if (p.afterMode && out.headline === null && out.validity === null) {
    out.headline = { label, value }
  }
}

/** A `label : value` line: an entry of the current section (header lines also set fields). */
function entryLine(p: ParseState, line: string): void {
  const colon = line.indexOf(':')
  if (colon < 0) return
  const label = line.slice(0, colon).trim()
  const value = line.slice(colon + 1).trim()
  if (label === '') return
  p.out.entries.push({ section: p.section, label, value })
  if (p.section === 'header') headerField(p, label, value)
}

/**
 * Parse a summary file. Never throws; a cut-off file yields what was present (check
 * `validity`, `headline` and `hasTestParameters`).
 */
export function parseSummaryLog(text: string): SummaryLog {
  const p: ParseState = {
    out: emptySummary(),
    section: 'header',
    afterMode: false,
    inRecommendations: false,
    block: null
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '')
    const trimmed = line.trim()
    if (layoutLine(p, trimmed) || footerLine(p.out, trimmed) || blockLine(p, trimmed)) continue
    if (legacySubBlock(p, trimmed) || isRemark(trimmed)) continue
    entryLine(p, line)
  }
  for (const b of p.out.earlyStopping) interpretBlock(b)
  return p.out
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
