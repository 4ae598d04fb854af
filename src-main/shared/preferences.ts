/**
 * The user's display preferences, kept in the database so they survive restarts in both shells
 * (the web mode's origin changes with its port, so the browser's storage alone would not).
 */

/** Colour theme: follow the operating system, or a fixed choice. */
export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

export type Preferences = { theme: ThemeChoice }

export const DEFAULT_PREFERENCES: Preferences = { theme: 'system' }
