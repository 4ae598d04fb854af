/**
 * Reading an exported chart SVG (ECharts' SVG renderer) back as a reader would: its texts with
 * their positions, its straight lines, its fill colours, and whether it carries a zoom slider.
 * Used by the unit tests of the export path and by the browser tests of the exports, so that a
 * figure is checked against the data it should show, not against the option that produced it.
 */

export type SvgText = {
  text: string
  x: number
  y: number
  rotated: boolean
  fill: string | null
  /** The text's outline on the figure (approximated from its font size and length). */
  box: [number, number][]
}
export type SvgLine = {
  x1: number
  y1: number
  x2: number
  y2: number
  stroke: string
  dashed: boolean
}

function unescape(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null
}

/** Average glyph width of the figures' sans-serif fonts, in ems (Liberation/DejaVu Sans). */
const EM_WIDTH = 0.5

/**
 * The four corners of a text on the figure: its length from the font size, placed by its
 * anchor (start, middle, end), centred on its baseline (ECharts writes dominant-baseline
 * central), then through its transform (rotated axis labels and titles).
 */
function outline(tag: string, text: string): [number, number][] {
  const size = Number(/font-size:([\d.]+)px/.exec(tag)?.[1] ?? 12)
  const width = text.length * size * EM_WIDTH
  const anchor = attr(tag, 'text-anchor') ?? 'start'
  const x0 =
    Number(attr(tag, 'x') ?? 0) - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0)
  // The ink of a line of text: about 0.8 em high around its central baseline.
  const height = size * 0.8
  const y0 = Number(attr(tag, 'y') ?? 0) - height / 2
  const corners: [number, number][] = [
    [x0, y0],
    [x0 + width, y0],
    [x0 + width, y0 + height],
    [x0, y0 + height]
  ]
  const transform = attr(tag, 'transform') ?? ''
  const t = /translate\(([-\d.e]+)[ ,]([-\d.e]+)\)/.exec(transform)
  const mx = /matrix\(([^)]*)\)/.exec(transform)
  const [a, b, c, d, e, f] = mx
    ? (mx[1] ?? '').split(/[ ,]+/).map(Number)
    : [1, 0, 0, 1, Number(t?.[1] ?? 0), Number(t?.[2] ?? 0)]
  return corners.map(([x, y]) => [
    (a ?? 1) * x + (c ?? 0) * y + (e ?? 0),
    (b ?? 0) * x + (d ?? 1) * y + (f ?? 0)
  ])
}

/** Every <text> with its anchor point (translate or matrix, plus x/y offsets) and outline. */
export function svgTexts(svg: string): SvgText[] {
  const out: SvgText[] = []
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const tag = m[1] ?? ''
    const text = unescape(m[2] ?? '')
    const transform = attr(tag, 'transform') ?? ''
    let x = 0
    let y = 0
    let rotated = false
    const t = /translate\(([-\d.e]+)[ ,]([-\d.e]+)\)/.exec(transform)
    const mx = /matrix\(([^)]*)\)/.exec(transform)
    if (t) {
      x = Number(t[1])
      y = Number(t[2])
    } else if (mx) {
      const [a, b, , , e, f] = (mx[1] ?? '').split(/[ ,]+/).map(Number)
      x = e ?? 0
      y = f ?? 0
      rotated = Math.abs((b ?? 0) / (a || 1e-9)) > 1e-6
    }
    out.push({
      text,
      x: x + (rotated ? 0 : Number(attr(tag, 'x') ?? 0)),
      y: y + (rotated ? 0 : Number(attr(tag, 'y') ?? 0)),
      rotated,
      fill: attr(tag, 'fill'),
      box: outline(tag, text)
    })
  }
  return out
}

/** Whether two convex outlines overlap by more than `margin` px (separating axis test). */
function outlinesOverlap(p: [number, number][], q: [number, number][], margin: number): boolean {
  for (const poly of [p, q]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i] ?? [0, 0]
      const [x2, y2] = poly[(i + 1) % poly.length] ?? [0, 0]
      const len = Math.hypot(x2 - x1, y2 - y1) || 1
      const nx = (y1 - y2) / len
      const ny = (x2 - x1) / len
      const project = (pts: [number, number][]): [number, number] => {
        const v = pts.map(([x, y]) => x * nx + y * ny)
        return [Math.min(...v), Math.max(...v)]
      }
      const [a0, a1] = project(p)
      const [b0, b1] = project(q)
      if (a1 - margin <= b0 || b1 - margin <= a0) return false
    }
  }
  return true
}

/** Pairs of texts drawn over each other (by more than `margin` px): none in a good figure. */
export function overlappingTexts(texts: readonly SvgText[], margin = 1): [string, string][] {
  const out: [string, string][] = []
  const shown = texts.filter((t) => t.text.trim() !== '')
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i]
      const b = shown[j]
      if (a && b && outlinesOverlap(a.box, b.box, margin)) out.push([a.text, b.text])
    }
  }
  return out
}

/** Straight two-point paths ("M x y L x y"): axes, grid lines, markLines. */
export function svgLines(svg: string): SvgLine[] {
  const out: SvgLine[] = []
  for (const m of svg.matchAll(/<path([^>]*)>/g)) {
    const tag = m[1] ?? ''
    const d = /^M([-\d.e]+) ([-\d.e]+)L([-\d.e]+) ([-\d.e]+)$/.exec(attr(tag, 'd') ?? '')
    if (!d) continue
    out.push({
      x1: Number(d[1]),
      y1: Number(d[2]),
      x2: Number(d[3]),
      y2: Number(d[4]),
      stroke: attr(tag, 'stroke') ?? '',
      dashed: attr(tag, 'stroke-dasharray') !== null
    })
  }
  return out
}

/** Scatter symbols of one fill colour: their centres and radii (ECharts scales a unit path). */
export function svgSymbols(svg: string, fill: string): { x: number; y: number; r: number }[] {
  const out: { x: number; y: number; r: number }[] = []
  for (const m of svg.matchAll(/<path([^>]*)>/g)) {
    const tag = m[1] ?? ''
    if ((attr(tag, 'fill') ?? '').toLowerCase() !== fill.toLowerCase()) continue
    const mx = /matrix\(([^)]*)\)/.exec(attr(tag, 'transform') ?? '')
    if (!mx) continue
    const [a, , , , e, f] = (mx[1] ?? '').split(/[ ,]+/).map(Number)
    out.push({ x: e ?? 0, y: f ?? 0, r: Math.abs(a ?? 0) })
  }
  return out
}

/** Distinct fill colours of the figure's shapes (not its texts), lower-cased. */
export function svgShapeFills(svg: string): Set<string> {
  const fills = new Set<string>()
  for (const m of svg.matchAll(/<(path|rect|circle|polygon)([^>]*)>/g)) {
    const fill = attr(m[2] ?? '', 'fill')
    if (fill && fill !== 'none') fills.add(fill.toLowerCase())
  }
  return fills
}

/**
 * True when the SVG holds ECharts' dataZoom slider: its filler (rgb(135,175,255) at low
 * opacity) or its handles (#c0c9e6 / #8292cc), the defaults of the SliderZoom component.
 */
export function hasDataZoom(svg: string): boolean {
  return /fill="rgb\(135,175,255\)"|fill="#c0c9e6"|fill="#8292cc"/i.test(svg)
}

/**
 * The pixel position of a value on a numeric axis, fitted from the axis's own labels: `labels`
 * are the tick texts (parsed by `parse`) and their positions along `coord`. Linear, or
 * logarithmic when `log` (labels then read as powers).
 */
export function axisScale(
  labels: readonly SvgText[],
  coord: 'x' | 'y',
  parse: (text: string) => number,
  log = false
): (value: number) => number {
  const pts = labels
    .map((l) => ({ v: parse(l.text), p: l[coord] }))
    .filter((p) => Number.isFinite(p.v) && (!log || p.v > 0))
    .map((p) => ({ v: log ? Math.log10(p.v) : p.v, p: p.p }))
  const a = pts[0]
  const b = pts[pts.length - 1]
  if (!a || !b || a.v === b.v) throw new Error('need two distinct axis labels')
  const k = (b.p - a.p) / (b.v - a.v)
  return (value) => a.p + ((log ? Math.log10(value) : value) - a.v) * k
}

/** Texts that read as numbers ("0.93", "1,024", "2×"), e.g. an axis's tick labels. */
export function numberLabels(texts: readonly SvgText[], suffix = ''): SvgText[] {
  return texts.filter((t) =>
    new RegExp(`^-?[\\d,]+(\\.\\d+)?${suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(t.text)
  )
}

/** A label's number: "1,024" → 1024, "2×" → 2. */
export function labelNumber(text: string): number {
  return Number(text.replace(/[,×%]/g, ''))
}

/**
 * The tick labels of one axis: the numeric texts that share a column (a y axis: the same x) or a
 * row (an x axis: the same y), the largest such group; ties go to the leftmost column or the
 * lowest row, where ECharts puts the first axis.
 */
export function axisLabels(texts: readonly SvgText[], axis: 'x' | 'y', suffix = ''): SvgText[] {
  const groups = new Map<number, SvgText[]>()
  for (const t of numberLabels(texts, suffix)) {
    if (t.rotated) continue
    const k = Math.round(axis === 'y' ? t.x : t.y)
    groups.set(k, [...(groups.get(k) ?? []), t])
  }
  const best = [...groups].sort(
    (a, b) => b[1].length - a[1].length || (axis === 'y' ? a[0] - b[0] : b[0] - a[0])
  )[0]
  return best?.[1] ?? []
}
