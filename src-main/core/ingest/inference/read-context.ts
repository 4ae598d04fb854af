/**
 * What the results of one import share: each submitter's system descriptions, model mapping
 * and measurements listing are read once, however many results use them (a large tree has
 * hundreds of results per system).
 */
import path from 'node:path'
import { listDirs, readText } from './result-io'
import type { SystemDescription } from './system-description'
import { parseSystemDescription } from './system-description'

/** Caches shared across the results of one import (system files are read once). */
export type ReadContext = {
  systemCache: Map<string, SystemDescription | { error: string }>
  /** Open-division model_mapping.json per submitter folder (null when absent). */
  mappingCache: Map<string, Record<string, string> | null>
  /** System folders under each submitter's measurements/ (null when it has none). */
  measurementsCache: Map<string, Set<string> | null>
  /** Round set for the import, used where the path names none (before seeds and hints). */
  round?: string | null
}

export function createReadContext(round: string | null = null): ReadContext {
  return { systemCache: new Map(), mappingCache: new Map(), measurementsCache: new Map(), round }
}

/** A system description, or why it cannot be used (missing, not parseable). */
export async function loadSystem(
  ctx: ReadContext,
  file: string
): Promise<SystemDescription | { error: string }> {
  const cached = ctx.systemCache.get(file)
  if (cached) return cached
  const text = await readText(file)
  let out: SystemDescription | { error: string }
  if (text === null) out = { error: `System description ${file} is missing.` }
  else {
    try {
      out = parseSystemDescription(text)
    } catch (e) {
      out = { error: `System description ${file} cannot be read: ${(e as Error).message}.` }
    }
  }
  ctx.systemCache.set(file, out)
  return out
}

/** The string entries of a model_mapping.json text, or null when it is not a JSON object. */
export function parseModelMapping(text: string): Record<string, string> | null {
  try {
    const j: unknown = JSON.parse(text)
    if (j === null || typeof j !== 'object' || Array.isArray(j)) return null
    const map: Record<string, string> = {}
    for (const [k, v] of Object.entries(j as Record<string, unknown>)) {
      if (typeof v === 'string') map[k] = v
    }
    return map
  } catch {
    return null
  }
}

/** A submitter's model_mapping.json (open division), or null when absent or unusable. */
export async function loadModelMapping(
  ctx: ReadContext,
  submitterDir: string | null
): Promise<Record<string, string> | null> {
  if (submitterDir === null) return null
  if (ctx.mappingCache.has(submitterDir)) return ctx.mappingCache.get(submitterDir) ?? null
  const text = await readText(path.join(submitterDir, 'model_mapping.json'))
  const map = text === null ? null : parseModelMapping(text)
  ctx.mappingCache.set(submitterDir, map)
  return map
}

/**
 * Whether measurements/<system> exists under the submitter folder, from one listing per
 * submitter: most results of a large tree would otherwise each pay a failed directory read.
 */
export async function hasMeasurements(
  ctx: ReadContext,
  submitterDir: string,
  systemId: string
): Promise<boolean> {
  let systems = ctx.measurementsCache.get(submitterDir)
  if (systems === undefined) {
    const names = await listDirs(path.join(submitterDir, 'measurements'))
    systems = names.length === 0 ? null : new Set(names)
    ctx.measurementsCache.set(submitterDir, systems)
  }
  return systems?.has(systemId) ?? false
}
