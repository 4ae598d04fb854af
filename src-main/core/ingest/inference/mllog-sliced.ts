/**
 * parseMllogDetail for large detail logs, in slices with a turn of the event loop between
 * them, so a 100 MB log does not freeze the window or the web mode for the length of its parse.
 * The parser reads each line on its own (first occurrence of a key wins), so parsing line-aligned
 * slices and merging them in order gives exactly what one pass gives.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { MllogDetail } from './mllog-detail'
import { parseMllogDetail } from './mllog-detail'

/** Characters parsed between two turns of the event loop (a few milliseconds of work). */
export const SLICE_CHARS = 2_000_000

export async function parseMllogDetailSliced(
  text: string,
  sliceChars = SLICE_CHARS
): Promise<MllogDetail> {
  if (text.length <= sliceChars) return parseMllogDetail(text)
  const out: MllogDetail = {
    values: new Map(),
    errors: [],
    warnings: [],
    recordCount: 0,
    skippedLines: 0,
    format: null
  }
  let start = 0
  let line = 0
  while (start < text.length) {
    const cut = text.indexOf('\n', Math.min(text.length, start + sliceChars))
    const end = cut < 0 ? text.length : cut + 1
    const slice = text.slice(start, end)
    const part = parseMllogDetail(slice)
    for (const [k, v] of part.values) if (!out.values.has(k)) out.values.set(k, v)
    for (const r of part.errors) out.errors.push({ ...r, line: r.line + line })
    for (const r of part.warnings) out.warnings.push({ ...r, line: r.line + line })
    out.recordCount += part.recordCount
    out.skippedLines += part.skippedLines
    out.format ??= part.format
    for (let i = slice.indexOf('\n'); i >= 0; i = slice.indexOf('\n', i + 1)) line++
    start = end
    if (start < text.length) await yieldToLoop()
  }
  return out
}
