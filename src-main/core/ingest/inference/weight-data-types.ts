/**
 * The precision a result's weights use (weight_data_types), from a measurements JSON: the one in
 * the result folder (older rounds) or those under the submitter's measurements/<system>/
 * <benchmark>/<scenario>/. The first file that names the field is listed among the sources.
 */
import path from 'node:path'
import type { SourceFile } from '../../../shared/inference'
import type { ReadContext } from './read-context'
import { hasMeasurements } from './read-context'
import { fileSize, listFiles, readText } from './result-io'
import type { ResultLocation } from './tree-scan'

/** The measurements JSON files that may name the precision, in the order they are tried. */
async function candidates(ctx: ReadContext, loc: ResultLocation): Promise<string[]> {
  const out: string[] = []
  if (loc.fileNames === undefined || loc.fileNames.includes('measurements.json'))
    out.push(path.join(loc.dir, 'measurements.json'))
  if (loc.submitterDir === null || !(await hasMeasurements(ctx, loc.submitterDir, loc.systemId)))
    return out
  const mdir = path.join(
    loc.submitterDir,
    'measurements',
    loc.systemId,
    loc.benchmark,
    loc.scenarioDir
  )
  for (const f of (await listFiles(mdir)).sort()) {
    if (f.toLowerCase().endsWith('.json')) out.push(path.join(mdir, f))
  }
  return out
}

/** The weight_data_types of a JSON text: present (string, list, or other), or undefined. */
export function weightDataTypesIn(text: string): { value: string | null } | undefined {
  try {
    const j: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    if (j === null || typeof j !== 'object' || !('weight_data_types' in j)) return undefined
    const v = j.weight_data_types
    if (typeof v === 'string' && v.trim() !== '') return { value: v.trim() }
    if (Array.isArray(v)) return { value: v.map(String).join(', ') }
    return { value: null }
  } catch {
    // Not JSON: ignore, the field stays null.
    return undefined
  }
}

/** weight_data_types from measurements JSON (in the result folder, or the measurements/ tree). */
export async function findWeightDataTypes(
  ctx: ReadContext,
  loc: ResultLocation,
  files: SourceFile[]
): Promise<string | null> {
  for (const c of await candidates(ctx, loc)) {
    const text = await readText(c)
    if (text === null) continue
    const found = weightDataTypesIn(text)
    if (found === undefined) continue
    files.push({ role: 'measurements', path: c, bytes: await fileSize(c) })
    if (found.value !== null) return found.value
  }
  return null
}
