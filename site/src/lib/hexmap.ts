/**
 * The hexagon map of England: where each district's hex goes, and which colour step a figure
 * falls in. Pure, so the page draws the map when it is built and its script only colours it.
 */

/** A district's cell: offset coordinates in the "odd-r" layout, `r` growing northwards. */
export interface HexCell {
  code: string
  name: string
  laCode: string
  q: number
  r: number
}

/** A cell placed on the drawing: its hexagon's corners as an SVG `points` list. */
export interface PlacedHex extends HexCell {
  points: string
}

/** The whole map: its size in drawing units (for the viewBox) and every hex. */
export interface HexLayout {
  width: number
  height: number
  hexes: PlacedHex[]
}

const round = (value: number) => Math.round(value * 100) / 100

/**
 * Pointy-topped hexagons of `size` (centre to corner) in the "odd-r" layout: odd rows shifted right
 * by half a hex. Rows grow northwards in the data and downwards in SVG, so the rows are turned over
 * to draw north at the top.
 */
export function hexLayout(cells: readonly HexCell[], size = 10): HexLayout {
  const across = Math.sqrt(3) * size
  const qs = cells.map((cell) => cell.q)
  const rs = cells.map((cell) => cell.r)
  const [qMin, qMax] = [Math.min(...qs), Math.max(...qs)]
  const [rMin, rMax] = [Math.min(...rs), Math.max(...rs)]
  const hexes = cells.map((cell) => {
    const odd = Math.abs(cell.r) % 2 === 1
    const x = across * (cell.q - qMin) + across / 2 + (odd ? across / 2 : 0)
    const y = 1.5 * size * (rMax - cell.r) + size
    const corners = [-90, -30, 30, 90, 150, 210].map((degrees) => {
      const angle = (degrees * Math.PI) / 180
      return `${round(x + size * Math.cos(angle))},${round(y + size * Math.sin(angle))}`
    })
    return { ...cell, points: corners.join(' ') }
  })
  return {
    width: round(across * (qMax - qMin + 1.5)),
    height: round(1.5 * size * (rMax - rMin) + 2 * size),
    hexes,
  }
}

/** The fills of the colour steps, light to dark in one hue (GOV.UK blue's tints and shade). */
export const STEP_FILLS = ['#d2e2f1', '#8eb8dc', '#1d70b8', '#0f385c'] as const
/** The fill of an LA with nothing to show. */
export const NONE_FILL = '#ffffff'

/** One colour step: the whole figures it holds, both included, and its fill. */
export interface ColourStep {
  from: number
  to: number
  fill: string
}

/**
 * Up to four steps of equal width from 1 to the largest figure (0 has a colour of its own), the
 * largest figure always in the darkest: with a largest figure of 2, two steps of one each, in the
 * two darkest fills.
 */
export function colourSteps(max: number): ColourStep[] {
  if (max < 1) return []
  const width = Math.ceil(max / STEP_FILLS.length)
  const steps = STEP_FILLS.map((_, i) => ({
    from: i * width + 1,
    to: Math.min((i + 1) * width, max),
  })).filter((step) => step.from <= max)
  const darkest = STEP_FILLS.slice(STEP_FILLS.length - steps.length)
  return steps.map((step, i) => ({ ...step, fill: darkest[i] ?? NONE_FILL }))
}

/** The fill of a figure: its step's, or `NONE_FILL` for 0 (or less). */
export function fillOf(value: number, steps: readonly ColourStep[]): string {
  return steps.find((step) => value >= step.from && value <= step.to)?.fill ?? NONE_FILL
}
