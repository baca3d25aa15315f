import { downloadFileName, neutraliseCell } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+44 113 000 0000', `'+44 113 000 0000`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j with a quote', (cell, written) => {
    expect(neutraliseCell(cell)).toBe(written)
  })

  it.each([['Amira Khan'], [' =1+1'], ['2026-10'], ["O'Neill"], ['']])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell)
  })

  it('writes numbers as they are', () => {
    expect(neutraliseCell(0)).toBe('0')
    expect(neutraliseCell(12)).toBe('12')
  })

  it('never leaves a text starting as a formula', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(neutraliseCell(text)).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})

describe('downloadFileName', () => {
  it('names the LA, the period and what the file holds', () => {
    const name = {
      laCode: 'E08000035',
      laName: 'Leeds',
      from: '2026-09-01',
      to: '2027-08-31',
      what: 'attendees',
    }
    expect(downloadFileName(name)).toBe('E08000035-leeds-2026-09-01-2027-08-31-attendees.csv')
  })

  it.each([
    ['Bristol, City of', 'bristol-city-of'],
    ['St. Helens', 'st-helens'],
    ['Brighton and Hove', 'brighton-and-hove'],
    ['Kingston upon Hull, City of', 'kingston-upon-hull-city-of'],
    ['Crème "brûlée"/\\\r\n', 'creme-brulee'],
  ])('slugs %j to %j', (laName, slug) => {
    const name = { laCode: 'E06000023', laName, from: '2026-09-01', to: '2026-12-31', what: 'summary' }
    expect(downloadFileName(name)).toBe(`E06000023-${slug}-2026-09-01-2026-12-31-summary.csv`)
  })

  it('is safe ASCII whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (laCode, laName, what) => {
        const name = downloadFileName({ laCode, laName, from: '2026-09-01', to: '2026-09-30', what })
        expect(name).toMatch(/^[A-Za-z0-9-]*\.csv$/)
      }),
    )
  })
})
