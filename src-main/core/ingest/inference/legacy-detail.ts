/**
 * Reader for the v0.5/v0.7 text detail log:
 *   "pid": 4303, "tid": 4303, "ts": 26267ns : Scenario : Server
 * It holds no results (those come from the summary), but it does carry the LoadGen version,
 * the Effective/Requested settings blocks, warnings and errors, and the power window
 * (POWER_BEGIN/POWER_END), which the detail panel shows. Multi-line values (git log, SHA1
 * list) follow a record on lines without the prefix; they are ignored.
 */

export type LegacyDetail = {
  /** "version : .5a1 @ 71940a7a4c" → ".5a1 @ 71940a7a4c". */
  loadgenVersion: string | null
  testDatetime: string | null
  sutName: string | null
  effective: Record<string, string>
  requested: Record<string, string>
  /** Messages after "ERROR :". */
  errors: string[]
  /** Messages after "WARNING :". */
  warnings: string[]
  powerBegin: string | null
  powerEnd: string | null
  /** Number of prefixed lines read. */
  recordCount: number
}

const LINE = /^"pid": \d+, "tid": \d+, "ts": \d+ns : ?(.*)$/

/** True when the text looks like the v0.5/v0.7 text detail log. */
export function isLegacyDetailText(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  return text.startsWith('"pid": ', start)
}

export function parseLegacyDetail(text: string): LegacyDetail {
  const out: LegacyDetail = {
    loadgenVersion: null,
    testDatetime: null,
    sutName: null,
    effective: {},
    requested: {},
    errors: [],
    warnings: [],
    powerBegin: null,
    powerEnd: null,
    recordCount: 0
  }
  let block: Record<string, string> | null = null
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const m = LINE.exec(line)
    if (!m) continue
    out.recordCount++
    const msg = m[1] ?? ''
    if (msg.trim() === '') {
      block = null
      continue
    }
    if (msg.startsWith('Effective Settings:')) {
      block = out.effective
      continue
    }
    if (msg.startsWith('Requested Settings:')) {
      block = out.requested
      continue
    }
    let mm = /^ERROR\s*:\s*(.*)$/.exec(msg)
    if (mm) {
      out.errors.push(mm[1] ?? '')
      continue
    }
    mm = /^WARNING\s*:\s*(.*)$/.exec(msg)
    if (mm) {
      out.warnings.push(mm[1] ?? '')
      continue
    }
    mm = /^(POWER_BEGIN|POWER_END):.*"time"\s*:\s*(.+)$/.exec(msg)
    if (mm) {
      if (mm[1] === 'POWER_BEGIN') out.powerBegin ??= (mm[2] ?? '').trim()
      else out.powerEnd ??= (mm[2] ?? '').trim()
      continue
    }
    if (block) {
      const kv = /^(.*?)\s*:\s*(.*)$/.exec(msg)
      if (kv && kv[1] !== undefined && !(kv[1] in block)) block[kv[1]] = kv[2] ?? ''
      continue
    }
    mm = /^version\s*:\s*(.*)$/.exec(msg)
    if (mm) {
      out.loadgenVersion ??= (mm[1] ?? '').trim()
      continue
    }
    mm = /^Date \+ time of test:\s*(.*)$/.exec(msg)
    if (mm) {
      out.testDatetime ??= (mm[1] ?? '').trim()
      continue
    }
    mm = /^System Under Test \(SUT\) name:\s?(.*)$/.exec(msg)
    if (mm) out.sutName ??= (mm[1] ?? '').trim()
  }
  return out
}
