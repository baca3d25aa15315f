import { describe, expect, it } from 'vitest'
import {
  dollars,
  type Line,
  linesOf,
  PRICES,
  SCALES,
  toPounds,
  totalsOf,
  USD_PER_GBP,
  usageOf,
} from '../../bench/cost-model.ts'

const line = (overrides: Partial<Line>): Line => ({
  service: 'CloudWatch',
  item: 'alarms',
  quantity: 18,
  free: 10,
  price: PRICES.alarm,
  ...overrides,
})

describe('the cost of a line', () => {
  it('is the quantity beyond the always-free allowance times the unit price, and all of it without', () => {
    expect(dollars(line({}))).toEqual({
      withFree: expect.closeTo(0.8, 10),
      withoutFree: expect.closeTo(1.8, 10),
    })
    expect(dollars(line({ quantity: 4 }))).toEqual({ withFree: 0, withoutFree: expect.closeTo(0.4, 10) })
  })

  it('is unknown for a price not found with a source, which the totals leave out and name', () => {
    const unpriced = line({
      service: 'Cognito',
      item: 'staff MAU',
      quantity: 175,
      free: 0,
      price: PRICES.cognitoPlusMau,
    })
    expect(dollars(unpriced)).toBeUndefined()
    const totals = totalsOf([line({}), unpriced])
    expect(totals.withFree).toBeCloseTo(0.8, 10)
    expect(totals.unpriced).toEqual(['Cognito: staff MAU'])
  })

  it('keeps optional lines (the WAF) out of the platform’s total', () => {
    const waf = line({
      service: 'WAF',
      item: 'web ACL',
      quantity: 1,
      free: 0,
      price: PRICES.wafWebAcl,
      optional: true,
    })
    const totals = totalsOf([line({}), waf])
    expect(totals.withFree).toBeCloseTo(0.8, 10)
    expect(totals.optional).toBe(5)
  })
})

describe('the usage of a scale', () => {
  const usage = (name: string) => {
    const scale = SCALES.find((candidate) => candidate.name === name)
    if (!scale) throw new Error(`No scale ${name}`)
    return usageOf(scale)
  }
  const programme = usage('programme')
  const tenTimes = usage('ten times')

  it('turns a year of bookings and sessions into a month', () => {
    expect(programme.bookings).toBeCloseTo(5_000 / 12, 6)
    expect(programme.sessions).toBeCloseTo(400 / 12, 6)
  })

  it('looks at each session once published, at its pre reminder, hourly while post is open and daily while follow-up is, and once for each place, so ten times the scale is ten times the looks', () => {
    expect(programme.ownLooks).toBeCloseTo((400 / 12) * (2 + 14 * 24 + 28), 6)
    expect(programme.placeLooks).toBeCloseTo(5_000 / 12, 6)
    expect(tenTimes.looks / programme.looks).toBeCloseTo(10, 6)
  })

  it('runs the scheduled jobs as often at either scale', () => {
    expect(tenTimes.jobRuns).toBe(programme.jobRuns)
    expect(programme.jobRuns).toBeCloseTo(4 * (365 / 12) * 24 * 12 + 2 * (365 / 12), 6)
  })

  it('charges nothing for the table stream read by the two Lambda triggers, and names the lines still unpriced', () => {
    const lines = linesOf(programme)
    const streamReads = lines.find((l) => l.price === PRICES.dynamoStreamReads)
    expect(streamReads && dollars(streamReads)).toEqual({ withFree: 0, withoutFree: 0 })
    expect(totalsOf(lines).unpriced).toEqual([
      'DynamoDB: point-in-time recovery, GB-month',
      'SNS: bounce, complaint and alarm notifications',
      'Cognito: staff MAU, Plus tier',
    ])
  })

  it('prices every line of the bill, and the total in pounds at the stated rate', () => {
    const lines = linesOf(programme)
    const totals = totalsOf(lines)
    const sum = lines.filter((l) => !l.optional).reduce((total, l) => total + (dollars(l)?.withFree ?? 0), 0)
    expect(totals.withFree).toBeCloseTo(sum, 10)
    expect(toPounds(totals.withFree)).toBeCloseTo(totals.withFree / USD_PER_GBP, 10)
  })
})
