import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'electron-vite'

const r = (p: string): string => resolve(import.meta.dirname, p)

type ModuleGraph = {
  getModuleInfo: (id: string) => { isEntry: boolean; importers: readonly string[] } | null
}

/**
 * The renderer's chunking: every module the entry imports statically, directly or not, stays in
 * the entry chunk ('index'); the screens loaded with import() keep their own chunks. Left alone,
 * Rolldown cut what the entry shares with a screen into a dozen small chunks, fetched one after
 * another over the browser's six connections before the app could start (50-70 ms of a first
 * start); the entry is always loaded before any screen, so sharing its chunk costs a screen nothing.
 * The small common components the screens share (dialogs, progress bars) join it too: as
 * chunks of their own they were one more request each, beside the screen's data, on a first
 * start on that screen.
 */
const SHARED_WITH_ENTRY = /src-renderer[\\/]components[\\/]common[\\/]/

function entryClosure(id: string, graph: ModuleGraph): string | null {
  const seen = new Set<string>()
  const fromEntry = (m: string): boolean => {
    if (seen.has(m)) return false
    seen.add(m)
    const info = graph.getModuleInfo(m)
    return !!info && (info.isEntry || info.importers.some(fromEntry))
  }
  return fromEntry(id) || SHARED_WITH_ENTRY.test(id) ? 'index' : null
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: r('src-main/electron/main.ts'),
          // The ONNX inference worker (worker_threads) as its own entry: out/main/inference-worker.js,
          // started by src-main/electron/inference-worker.ts.
          'inference-worker': r('src-main/core/runner/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file (alex8088/electron-vite#282).
      rolldownOptions: {
        input: { index: r('src-preload/index.ts') },
        output: { format: 'cjs' }
      }
    }
  },
  renderer: {
    root: r('src-renderer'),
    plugins: [svelte()],
    build: {
      // Minified, and split per screen: App.svelte loads each screen but the table with
      // import() (lib/views/screens.ts), so first paint parses only the table's code.
      minify: true,
      // One stylesheet (65 kB) linked by index.html: a screen's own CSS file was a request its
      // first start waited for among six connections, for a few kilobytes each.
      cssCodeSplit: false,
      rolldownOptions: {
        input: { index: r('src-renderer/index.html') },
        output: { codeSplitting: { groups: [{ name: entryClosure }] } }
      }
    }
  }
})
