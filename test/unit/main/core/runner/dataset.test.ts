import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DatasetError, openDataset, parseValMap } from '../../../../../src-main/core/runner/dataset'

const dir = mkdtempSync(join(tmpdir(), 'mlx-ds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function dataset(name: string, valMap: string | null, files: string[]): string {
  const root = join(dir, name)
  mkdirSync(root, { recursive: true })
  for (const f of files) writeFileSync(join(root, f), 'x')
  if (valMap !== null) writeFileSync(join(root, 'val_map.txt'), valMap)
  return root
}

describe('val_map.txt', () => {
  it('parses "<file> <label>" lines, allowing spaces in names', () => {
    expect(parseValMap('a.jpg 3\n\n# note\nmy img.png 0\n', 'v')).toEqual([
      { file: 'a.jpg', label: 3, line: 1 },
      { file: 'my img.png', label: 0, line: 4 }
    ])
  })

  it('names the line that is wrong', () => {
    expect(() => parseValMap('a.jpg 3\nb.jpg\n', '/d/val_map.txt')).toThrow(
      '/d/val_map.txt: line 2 is not "<file> <label>": "b.jpg"'
    )
    expect(() => parseValMap('\n', '/d/val_map.txt')).toThrow(/has no entries/)
  })
})

describe('openDataset', () => {
  it('accepts a folder of images', async () => {
    const root = dataset('ok', 'a.jpg 1\nb.png 2\n', ['a.jpg', 'b.png'])
    const ds = await openDataset(root)
    expect(ds.kind).toBe('image')
    expect(ds.entries.map((e) => e.label)).toEqual([1, 2])
  })

  it('reports a missing val_map.txt, a missing file, an unknown type and mixed kinds', async () => {
    await expect(openDataset(dataset('nomap', null, ['a.jpg']))).rejects.toThrow(
      /val_map.txt not found/
    )
    const missing = dataset('missing', 'a.jpg 1\ngone.jpg 2\n', ['a.jpg'])
    await expect(openDataset(missing)).rejects.toThrow(
      `${join(missing, 'gone.jpg')}: file listed in val_map.txt (line 2) does not exist`
    )
    await expect(openDataset(dataset('txt', 'a.txt 1\n', ['a.txt']))).rejects.toThrow(
      /unsupported file type ".txt"/
    )
    await expect(
      openDataset(dataset('mixed', 'a.jpg 1\nb.npy 2\n', ['a.jpg', 'b.npy']))
    ).rejects.toThrow(/mixes images and .npy/)
    await expect(openDataset(join(dir, 'nope'))).rejects.toBeInstanceOf(DatasetError)
  })
})
