import type { ChartTheme, ChartThemeName } from '../../../src-main/charts/chart-theme'
import { chartTheme } from '../../../src-main/charts/chart-theme'

/**
 * The theme the charts draw in on screen: the app's theme from `data-theme` on <html> ('light' |
 * 'dark', set by the app's theme toggle), else the operating system's preference. Followed
 * live: a toggle or an OS switch redraws every chart. Exports ignore it (always light, white).
 */
function current(): ChartThemeName {
  const attr = document.documentElement.getAttribute('data-theme')
  if (attr === 'light' || attr === 'dark') return attr
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

class ChartThemeState {
  name = $state<ChartThemeName>('light')
  theme: ChartTheme = $derived(chartTheme(this.name))

  constructor() {
    if (typeof document === 'undefined') return
    this.name = current()
    const update = (): void => {
      this.name = current()
    }
    new MutationObserver(update).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme']
    })
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update)
  }
}

/** One for the whole window (observers live as long as the page). */
export const chartThemeState = new ChartThemeState()
