/**
 * The early-stopping blocks of a LoadGen summary (v2.0+; "TTFT"/"TPOT" blocks for LLMs): the
 * ` * ...` bullet lines of a block, read into the figures the validity checks use (queries
 * processed and needed, percentile estimates, whether the run succeeded).
 */
import type { EarlyStoppingBlock } from './summary-log'

function toInt(s: string | undefined): number | null {
  if (s === undefined) return null
  const n = Number(s.replace(/,/g, ''))
  return Number.isFinite(n) ? n : null
}

export function newBlock(name: string): EarlyStoppingBlock {
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
export function interpretBlock(b: EarlyStoppingBlock): void {
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
