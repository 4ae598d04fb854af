/**
 * Paths in the shipped catalogue are the public ones (where the file lives upstream), never the
 * build machine's: corpus/inference/v0.7/x → inference_results_v0.7/x, corpus/consolidated/y → y.
 */
import { relative } from 'node:path'

/** A path below the corpus folder, in its public form. */
export function publicPath(corpus: string, path: string): string {
  return publicRelative(relative(corpus, path).split('\\').join('/'))
}

function publicRelative(rel: string): string {
  return rel
    .replace(/^consolidated\//, '')
    .replace(/^inference\/(v\d+\.\d+)(\/|$)/, 'inference_results_$1$2')
    .replace(/^training\/(v\d+\.\d+)(\/|$)/, 'training_results_$1$2')
}

/** Every occurrence of the corpus folder in a text, made public (notes can name paths). */
export function publicText(corpus: string, text: string): string {
  const prefix = corpus.endsWith('/') ? corpus : `${corpus}/`
  if (!text.includes(prefix)) return text
  const [head, ...parts] = text.split(prefix)
  return [head, ...parts.map(publicRelative)].join('')
}
