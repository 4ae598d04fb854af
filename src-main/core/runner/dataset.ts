/**
 * A local dataset: a folder with val_map.txt (`<file> <label>` per line) and the files it
 * names, either images (JPEG/PNG) or preprocessed .npy arrays. Everything here is checked
 * before timing starts, and every error names the file and the reason.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'

export type DatasetKind = 'image' | 'npy'

export type DatasetEntry = { file: string; label: number; line: number }

export type Dataset = {
  root: string
  valMapPath: string
  kind: DatasetKind
  entries: DatasetEntry[]
}

/** A problem with the dataset, with the file it concerns. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`)
    this.name = 'DatasetError'
  }
}

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png'])

/** Parse val_map.txt text; `valMapPath` only names the file in errors. */
export function parseValMap(
  text: string,
  valMapPath: string
): { file: string; label: number; line: number }[] {
  const out: { file: string; label: number; line: number }[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const m = /^(.*\S)\s+(-?\d+)$/.exec(line)
    if (!m) {
      throw new DatasetError(valMapPath, `line ${i + 1} is not "<file> <label>": "${line}"`)
    }
    out.push({ file: m[1]!, label: Number(m[2]), line: i + 1 })
  })
  if (out.length === 0) throw new DatasetError(valMapPath, 'has no entries')
  return out
}

/** Read and check a dataset folder: val_map.txt present, entries well formed, files exist, one kind. */
export async function openDataset(root: string): Promise<Dataset> {
  const dir = resolve(root)
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DatasetError(dir, 'dataset folder not found')
  const valMapPath = join(dir, 'val_map.txt')
  if (!existsSync(valMapPath))
    throw new DatasetError(valMapPath, 'val_map.txt not found in the dataset folder')
  const entries = parseValMap(await readFile(valMapPath, 'utf8'), valMapPath)
  let kind: DatasetKind | null = null
  for (const e of entries) {
    const path = isAbsolute(e.file) ? e.file : join(dir, e.file)
    const ext = extname(e.file).toLowerCase()
    const k: DatasetKind | null = ext === '.npy' ? 'npy' : IMAGE_EXT.has(ext) ? 'image' : null
    if (k === null) {
      throw new DatasetError(
        path,
        `unsupported file type "${ext}" (val_map.txt line ${e.line}); use .jpg, .png or .npy`
      )
    }
    if (kind !== null && k !== kind) {
      throw new DatasetError(valMapPath, `mixes images and .npy files (line ${e.line}: ${e.file})`)
    }
    kind = k
    if (!existsSync(path)) {
      throw new DatasetError(path, `file listed in val_map.txt (line ${e.line}) does not exist`)
    }
  }
  return { root: dir, valMapPath, kind: kind!, entries }
}

/** Absolute path of an entry. */
export function entryPath(ds: Dataset, i: number): string {
  const f = ds.entries[i]!.file
  return isAbsolute(f) ? f : join(ds.root, f)
}

/** Short name for messages (relative to the dataset root). */
export function entryName(ds: Dataset, i: number): string {
  return relative(ds.root, entryPath(ds, i)) || entryPath(ds, i)
}
