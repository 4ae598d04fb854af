import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'electron-vite'

const r = (p: string): string => resolve(import.meta.dirname, p)

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
      rolldownOptions: { input: { index: r('src-renderer/index.html') } }
    }
  }
})
