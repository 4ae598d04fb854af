import type { Api } from '../../../src-main/shared/api'
import type { ThemeChoice } from '../../../src-main/shared/preferences'
import { THEME_CHOICES } from '../../../src-main/shared/preferences'

/** The theme in effect. */
export type Theme = 'light' | 'dark'

const KEY = 'mlperf-explorer.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

/**
 * The colour theme: the user's choice (system, light, dark; stored in the database through the
 * API so it survives restarts, and cached in localStorage so the first paint already has it)
 * and the theme it resolves to. The resolved theme is written to `<html data-theme>`, which the
 * stylesheet's tokens follow; charts read `theme.resolved` (or the attribute) to pick their
 * on-screen colours and re-render when it changes. Exports stay on white whatever the theme.
 */
export class ThemeStore {
  choice = $state<ThemeChoice>('system')
  #systemDark = $state(false)
  resolved: Theme = $derived(
    this.choice === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.choice
  )

  #api: Api | null = null

  constructor() {
    this.choice = cachedChoice()
    if (typeof matchMedia === 'function') {
      const media = matchMedia(DARK_QUERY)
      this.#systemDark = media.matches
      media.addEventListener('change', (e) => (this.#systemDark = e.matches))
    }
    // Now, before the first paint, and again whenever the choice or the OS changes.
    applyTheme(this.resolved)
    $effect.root(() => {
      $effect(() => applyTheme(this.resolved))
    })
  }

  /** Adopt the stored preference (the database is the source of truth). */
  async connect(api: Api): Promise<void> {
    this.#api = api
    const prefs = await api.app.preferences({})
    this.choice = prefs.theme
    cacheChoice(prefs.theme)
  }

  /** The user picks a theme: applied at once, then stored. */
  async set(choice: ThemeChoice): Promise<void> {
    this.choice = choice
    cacheChoice(choice)
    await this.#api?.app.setPreferences({ theme: choice })
  }

  /** The toolbar toggle: system → light → dark → system. */
  next(): ThemeChoice {
    const i = THEME_CHOICES.indexOf(this.choice)
    return THEME_CHOICES[(i + 1) % THEME_CHOICES.length] ?? 'system'
  }
}

/** Sets `<html data-theme>`; call before the first paint with the cached choice. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme
}

function cachedChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY)
    return (THEME_CHOICES as readonly (string | null)[]).includes(v) ? (v as ThemeChoice) : 'system'
  } catch {
    return 'system'
  }
}

function cacheChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(KEY, choice)
  } catch {
    // No storage (private window): the database still has the choice.
  }
}

/** The one theme store of the window. */
export const theme = new ThemeStore()
