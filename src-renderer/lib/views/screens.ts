/**
 * The screens other than the inference table, each loaded on first use as its own chunk of the
 * production bundle (the table opens without parsing the charts library, the run forms or the
 * import dialog). import() caches the module, so a screen is fetched once.
 */
export const screens = {
  training: () => import('../../views/Training.svelte'),
  ttmt: () => import('../../views/Ttmt.svelte'),
  charts: () => import('../../views/Charts.svelte'),
  compare: () => import('../../views/Compare.svelte'),
  runs: () => import('../../views/Runs.svelte'),
  pivot: () => import('../../views/Pivot.svelte'),
  imports: () => import('../../views/Imports.svelte'),
  importDialog: () => import('../../views/ImportDialog.svelte'),
  coverage: () => import('../../views/Coverage.svelte'),
  publishedDialog: () => import('../../views/PublishedDialog.svelte')
}
