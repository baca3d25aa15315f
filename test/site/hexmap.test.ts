import { readFileSync } from 'node:fs'
import { DISTRICT_HEXES } from '@ey/reference-data'
import { describe, expect, it } from 'vitest'
import { colourSteps, fillOf, hexLayout, NONE_FILL, STEP_FILLS } from '../../site/src/lib/hexmap.ts'

/** The centre of a drawn hex: the mean of its six corners. */
function centre(points: string): [number, number] {
  const corners = points.split(' ').map((pair) => pair.split(',').map(Number) as [number, number])
  const sum = corners.reduce(([x, y], [cx, cy]) => [x + cx, y + cy], [0, 0])
  return [sum[0] / corners.length, sum[1] / corners.length]
}

describe('the hexagon map’s layout', () => {
  const map = hexLayout(DISTRICT_HEXES, 10)
  const at = (name: string) => {
    const hex = map.hexes.find((candidate) => candidate.name === name)
    if (!hex) throw new Error(`No hex for ${name}`)
    return centre(hex.points)
  }

  it('draws every district inside the drawing, no two overlapping', () => {
    expect(map.hexes).toHaveLength(DISTRICT_HEXES.length)
    const centres = map.hexes.map((hex) => centre(hex.points))
    for (const [x, y] of centres) {
      expect(x).toBeGreaterThanOrEqual(8)
      expect(x).toBeLessThanOrEqual(map.width - 8)
      expect(y).toBeGreaterThanOrEqual(10)
      expect(y).toBeLessThanOrEqual(map.height - 10)
    }
    // Neighbours in a hex grid of size 10 are √3 × 10 ≈ 17.32 apart, centre to centre.
    const closest = Math.min(
      ...centres.flatMap(([x, y], i) => centres.slice(i + 1).map(([u, v]) => Math.hypot(x - u, y - v))),
    )
    expect(closest).toBeCloseTo(Math.sqrt(3) * 10, 1)
  })

  it('puts the north at the top and the west on the left', () => {
    expect(at('Northumberland')[1]).toBeLessThan(at('Cornwall')[1])
    expect(at('Cornwall')[0]).toBeLessThan(at('Norwich')[0])
  })

  it('shifts odd rows right by half a hex', () => {
    const even = { code: 'a', name: 'a', laCode: 'a', q: 0, r: 0 }
    const odd = { ...even, code: 'b', r: 1 }
    const [first, second] = hexLayout([even, odd], 10).hexes.map((hex) => centre(hex.points))
    expect((second?.[0] ?? 0) - (first?.[0] ?? 0)).toBeCloseTo((Math.sqrt(3) * 10) / 2, 2)
    expect(second?.[1]).toBeLessThan(first?.[1] ?? 0)
  })
})

describe('the map’s colour steps', () => {
  it.each([
    [0, []],
    [
      2,
      [
        { from: 1, to: 1, fill: STEP_FILLS[2] },
        { from: 2, to: 2, fill: STEP_FILLS[3] },
      ],
    ],
    [
      10,
      [
        { from: 1, to: 3, fill: STEP_FILLS[0] },
        { from: 4, to: 6, fill: STEP_FILLS[1] },
        { from: 7, to: 9, fill: STEP_FILLS[2] },
        { from: 10, to: 10, fill: STEP_FILLS[3] },
      ],
    ],
  ])('splits 1 to %i into steps of equal width, the largest in the darkest', (max, steps) => {
    expect(colourSteps(max)).toEqual(steps)
  })

  it('gives 0 the fill of none and every figure from 1 to the largest a step’s fill', () => {
    const steps = colourSteps(37)
    expect(fillOf(0, steps)).toBe(NONE_FILL)
    for (let value = 1; value <= 37; value += 1) expect(STEP_FILLS).toContain(fillOf(value, steps))
    expect(fillOf(37, steps)).toBe(STEP_FILLS[3])
  })
})

it('keys the legend with the map’s own fills, none first', () => {
  const component = readFileSync(new URL('../../site/src/components/HexMap.astro', import.meta.url), 'utf8')
  const swatches = [...component.matchAll(/app-hexmap__swatch--\d \{\s*background-color: (#[0-9a-f]{6});/g)]
  expect(swatches.map((match) => match[1])).toEqual([NONE_FILL, ...STEP_FILLS])
})
