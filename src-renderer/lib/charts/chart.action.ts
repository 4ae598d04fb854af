import type { EChartsOption } from 'echarts'
import type { EChartsInstance } from './setup'
import { echarts } from './setup'

export type ChartParams = {
  option: EChartsOption
  renderer?: 'canvas' | 'svg'
  /** Receives the instance once created (for exports and event hooks). */
  onInstance?: (chart: EChartsInstance | null) => void
  /** Called each time a render has finished. */
  onDrawn?: () => void
}

/**
 * Svelte action that owns one ECharts instance (Evidence's shape): created on mount, resized by
 * a ResizeObserver, replaced option on update (notMerge, so removed series really go), disposed
 * on destroy. `data-chart-ready` is set once a render has finished, which gives browser tests a
 * stable thing to wait for.
 */
export function chart(
  node: HTMLElement,
  params: ChartParams
): { update: (p: ChartParams) => void; destroy: () => void } {
  let instance = echarts.init(node, undefined, { renderer: params.renderer ?? 'canvas' })
  let onDrawn = params.onDrawn
  const ready = (): void => {
    node.setAttribute('data-chart-ready', 'true')
    onDrawn?.()
  }
  instance.on('finished', ready)
  node.setAttribute('data-chart-ready', 'false')
  instance.setOption(params.option, { notMerge: true })
  params.onInstance?.(instance)
  // Only a real change of size redraws: the observer also calls back once when it starts, which
  // would draw a chart of 10,000 points a second time for nothing.
  const observer = new ResizeObserver(() => {
    if (node.clientWidth !== instance.getWidth() || node.clientHeight !== instance.getHeight()) {
      instance.resize()
    }
  })
  observer.observe(node)
  let renderer = params.renderer ?? 'canvas'
  return {
    update(next: ChartParams) {
      onDrawn = next.onDrawn
      if ((next.renderer ?? 'canvas') !== renderer) {
        renderer = next.renderer ?? 'canvas'
        instance.dispose()
        instance = echarts.init(node, undefined, { renderer })
        instance.on('finished', ready)
        next.onInstance?.(instance)
      }
      node.setAttribute('data-chart-ready', 'false')
      instance.setOption(next.option, { notMerge: true })
    },
    destroy() {
      observer.disconnect()
      params.onInstance?.(null)
      instance.dispose()
    }
  }
}
