/**
 * A labels file for the one-image check: one class name per line, a regular text file of at
 * most 1 MB. Its lines are shown as class names, so a file that is not the model's labels file
 * (any text file a request names) must not have its lines shown: the count must match the
 * model's classes, and anything else is refused without quoting the file.
 */
import { readFileSafe, checkFile } from '../ingest/file-safety'

const MAX_LABELS_BYTES = 1024 * 1024

export async function readLabels(path: string): Promise<string[]> {
  const c = checkFile(path, MAX_LABELS_BYTES)
  if (!c.ok) {
    throw new Error(`The labels file ${path} ${c.missing ? 'does not exist' : c.reason}.`)
  }
  const bytes = await readFileSafe(path, MAX_LABELS_BYTES)
  if (bytes === null || bytes.includes(0)) {
    throw new Error(`The labels file ${path} is not a text file (one class name per line).`)
  }
  return bytes
    .toString('utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/**
 * How many leading outputs have no label (1 for a 1001-class output with 1000 labels: the
 * background class), or an error when the file does not go with the model.
 */
export function labelOffset(labels: readonly string[], classes: number, path: string): number {
  if (labels.length === classes) return 0
  // ImageNet models with 1001 outputs put a background class first; a 1000-line file fits them.
  if (labels.length === classes - 1 && classes > 100) return 1
  throw new Error(
    `The labels file ${path} has ${labels.length} lines but the model gives ${classes} classes; choose the labels file that goes with this model.`
  )
}
