import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const r = (p: string): string => resolve(import.meta.dirname, p)

export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: r('src-main/electron/main.ts') } } }
  },
  preload: {
    // A sandboxed preload must be one CommonJS file (electron-vite issue #282).
    build: {
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
      minify: true,
      rolldownOptions: { input: { index: r('src-renderer/index.html') } }
    }
  }
})
