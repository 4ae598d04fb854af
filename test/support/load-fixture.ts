/**
 * The database and the import the load runs use: the bundled sample plus a synthetic tree
 * imported as a user would (real result folders replicated), and a second synthetic tree to
 * import while the clients browse.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'
import { buildSyntheticTree } from '../bench/import-throughput'

const root = join(import.meta.dirname, '..', '..')

export async function loadFixture(results: number): Promise<{
  dir: string
  dbPath: string
  stored: string
  incoming: string
}> {
  const corpus = join(root, '..', 'shared', 'corpus', 'inference')
  const sources = existsSync(corpus)
    ? ['v4.1', 'v3.0'].map((r) => join(corpus, r))
    : [join(root, 'test', 'fixtures', 'inference-tree')]
  const dir = mkdtempSync(join(tmpdir(), 'mlx-load-'))
  const dbPath = join(dir, 'load.db')
  const stored = (await buildSyntheticTree(sources, results)).root
  const incoming = (await buildSyntheticTree(sources, results)).root
  const b = openBackend({ dbPath, shell: 'web', appRoot: root, catalogue: true })
  await b.imports.start([stored]).done
  await b.close()
  return { dir, dbPath, stored, incoming }
}
