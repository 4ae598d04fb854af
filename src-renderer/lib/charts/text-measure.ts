/**
 * How the window's charts measure text (ECharts' platform `measureText`, set in setup.ts).
 *
 * zrender takes the height of a line of text from the width of '国' (contain/text.ts,
 * getLineHeight): a CJK glyph is one em wide, so that is the font size wherever a CJK font is
 * installed. Where none is (Debian's default fonts, CI machines) Chromium measures a fallback
 * glyph instead, 4.4 px for 12 px text, so every label box was a third as tall as its text, and
 * each new font paid a font-fallback search (2–15 ms each, 25–35 ms of a first chart). That one
 * probe is answered with the font size, as ECharts' own estimate answers it where there is no
 * canvas (the server-side renderer of `mlperf-explorer chart`): a chart lays out the same on every
 * machine. Every other text is measured by the canvas, as before.
 */

/** The text zrender measures for a line's height. */
export const LINE_HEIGHT_PROBE = '国'

/** zrender's font when a text has none. */
const DEFAULT_FONT = '12px sans-serif'

/** What measuring needs of a canvas context. */
export type MeasureContext = { font: string; measureText: (text: string) => { width: number } }

/** The font size of a CSS font shorthand in px ("bold 16px 'Liberation Sans'" → 16), else 12. */
export function fontPixels(font: string | undefined): number {
  const px = /(\d*\.?\d+)px/.exec(font ?? '')
  const n = px ? Number(px[1]) : NaN
  return n > 0 ? n : 12
}

/** ECharts' `measureText` over a context made on first use (none: widths estimated as 0.6 em). */
export function textMeasurer(
  makeContext: () => MeasureContext | null
): (text: string, font?: string) => { width: number } {
  let context: MeasureContext | null | undefined
  let current = ''
  return (text, font) => {
    const f = font || DEFAULT_FONT
    if (text === LINE_HEIGHT_PROBE) return { width: fontPixels(f) }
    context ??= makeContext()
    if (!context) return { width: text.length * fontPixels(f) * 0.6 }
    // Setting a context's font parses it: only when it changes, as zrender's own measurer does.
    if (f !== current) context.font = current = f
    return context.measureText(text)
  }
}
