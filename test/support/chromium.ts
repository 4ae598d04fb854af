/**
 * How the browser tests and the browser benchmarks launch Chromium (Debian's, or Playwright's
 * own where CHROMIUM_PATH says so).
 *
 * Debian's Chromium runs Playwright's headless mode as a whole browser: every new context opens
 * a window whose omnibox popup (a WebUI page: searchbox, composebox, AI-mode button) is built in
 * a renderer of its own. Traced here, that renderer kept a core busy for 1.5 s of each chart
 * benchmark run, on a 2-core machine, beside the page measured (which took 1.5 s of main-thread
 * work instead of 1.0 s). Neither the Electron window nor a user's running browser pays this, so
 * the tests and benchmarks turn those popups off.
 *
 * Chromium keeps only the last --disable-features switch and Playwright passes its own list
 * first, so this one carries Playwright's names too (test/e2e/chromium-flags.spec.ts checks that
 * none is lost when Playwright changes its list).
 */
const PLAYWRIGHT_DISABLED = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion'
]

/** The browser UI's own pages that would otherwise render beside the page under test. */
export const BROWSER_UI_DISABLED = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup'
]

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  `--disable-features=${[...PLAYWRIGHT_DISABLED, ...BROWSER_UI_DISABLED].join(',')}`
]
