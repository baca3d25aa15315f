import { describe, expect, it } from 'vitest'
import { barChart, type SvgNode } from '../../../site/src/lib/charts.ts'

const texts = (svg: SvgNode) => svg.children.filter((n) => n.name === 'text').map((n) => n.text)
const rects = (svg: SvgNode) => svg.children.filter((n) => n.name === 'rect')

describe('barChart', () => {
  const chart = barChart({
    groups: [
      {
        label: 'Confidence: rated 4 or 5',
        bars: [
          { label: 'Before', value: 40, series: 0 },
          { label: 'After', value: 90.5, series: 1 },
        ],
      },
      {
        label: 'Knowledge: rated 4 or 5',
        bars: [
          { label: 'Before', value: 'c', series: 0 },
          { label: 'After', value: null, series: 1 },
        ],
      },
    ],
    max: 100,
    format: (value) => `${value}%`,
  })

  it('draws a bar in proportion to each figure, before grey and after blue', () => {
    const [before, after] = rects(chart)
    expect(Number(after?.attrs.width) / Number(before?.attrs.width)).toBeCloseTo(90.5 / 40, 1)
    expect([before?.attrs.fill, after?.attrs.fill]).toEqual(['#505a5f', '#1d70b8'])
  })

  it('writes each figure beside its bar, c where hidden and no figure where there is none, with no bar', () => {
    expect(texts(chart)).toEqual([
      'Confidence: rated 4 or 5',
      'Before',
      '40%',
      'After',
      '90.5%',
      'Knowledge: rated 4 or 5',
      'Before',
      'c',
      'After',
      'no figure',
    ])
    expect(rects(chart)).toHaveLength(2)
  })

  it('is hidden from screen readers (its table says it) and scales through its viewBox', () => {
    expect(chart.attrs['aria-hidden']).toBe('true')
    expect(chart.attrs.viewBox).toMatch(/^0 0 600 \d+$/)
  })

  it('keeps a bar within the chart when a figure passes the maximum', () => {
    const wide = barChart({
      groups: [{ label: 'g', bars: [{ label: 'x', value: 250, series: 1 }] }],
      max: 100,
      format: String,
    })
    const full = barChart({
      groups: [{ label: 'g', bars: [{ label: 'x', value: 100, series: 1 }] }],
      max: 100,
      format: String,
    })
    expect(rects(wide)[0]?.attrs.width).toBe(rects(full)[0]?.attrs.width)
  })
})
