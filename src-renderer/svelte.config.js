// Svelte options for the renderer, read by vite-plugin-svelte (the Vite root is src-renderer).
// Runes mode everywhere: legacy `export let` / `$:` components fail to compile.
export default {
  compilerOptions: { runes: true }
}
