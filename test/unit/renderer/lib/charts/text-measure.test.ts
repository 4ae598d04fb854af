import { describe, expect, it } from 'vitest'
import type { MeasureContext } from '../../../../../src-renderer/lib/charts/text-measure'
import {
  fontPixels,
  LINE_HEIGHT_PROBE,
  textMeasurer
} from '../../../../../src-renderer/lib/charts/text-measure'

/** A context that measures 7 px per character and records what was asked of it. */
function recordingContext(): { ctx: MeasureContext; fonts: string[]; texts: string[] } {
  const fonts: string[] = []
  const texts: string[] = []
  let font = ''
  const ctx: MeasureContext = {
    get font() {
      return font
    },
    set font(f: string) {
      fonts.push(f)
      font = f
    },
    measureText: (t) => {
      texts.push(t)
      return { width: t.length * 7 }
    }
  }
  return { ctx, fonts, texts }
}

describe('fontPixels', () => {
  it('reads the size of a CSS font shorthand', () => {
    expect(fontPixels("12px 'Liberation Sans', sans-serif")).toBe(12)
    expect(fontPixels("bold 16px 'Liberation Sans'")).toBe(16)
    expect(fontPixels('italic normal 10.5px serif')).toBe(10.5)
  })

  it('falls back to 12 px, zrender’s default, when the font states no px size', () => {
    expect(fontPixels(undefined)).toBe(12)
    expect(fontPixels('1em serif')).toBe(12)
    expect(fontPixels('0px serif')).toBe(12)
  })
})

describe('textMeasurer', () => {
  it('answers the line-height probe with the font size, without the canvas', () => {
    const { ctx, texts } = recordingContext()
    let made = 0
    const measure = textMeasurer(() => {
      made++
      return ctx
    })
    expect(measure(LINE_HEIGHT_PROBE, "bold 16px 'Liberation Sans'").width).toBe(16)
    expect(measure(LINE_HEIGHT_PROBE, '11px sans-serif').width).toBe(11)
    expect(measure(LINE_HEIGHT_PROBE).width).toBe(12)
    expect(made).toBe(0)
    expect(texts).toEqual([])
  })

  it('measures every other text on one context, setting its font only when it changes', () => {
    const { ctx, fonts, texts } = recordingContext()
    let made = 0
    const measure = textMeasurer(() => {
      made++
      return ctx
    })
    expect(measure('resnet50', '12px a').width).toBe(56)
    expect(measure('bert-99', '12px a').width).toBe(49)
    expect(measure('国家', '12px a').width).toBe(14)
    expect(measure('x').width).toBe(7)
    expect(made).toBe(1)
    expect(fonts).toEqual(['12px a', '12px sans-serif'])
    expect(texts).toEqual(['resnet50', 'bert-99', '国家', 'x'])
  })

  it('estimates widths when no canvas context can be had', () => {
    const measure = textMeasurer(() => null)
    expect(measure('abcde', '10px a').width).toBe(30)
    expect(measure(LINE_HEIGHT_PROBE, '10px a').width).toBe(10)
  })
})
