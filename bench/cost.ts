// `pnpm cost`: the monthly cost tables of the README's "Cost" section, from the unit prices and
// usage figures of `bench/cost-model.ts`, at the programme's scale and at ten times it.

import {
  dollars,
  type Line,
  linesOf,
  PRICES,
  RATE_SOURCE,
  SCALES,
  SOURCES,
  type Totals,
  toPounds,
  totalsOf,
  USD_PER_GBP,
  type Usage,
  usageOf,
} from './cost-model.ts'

const count = (n: number) =>
  n >= 100 ? Math.round(n).toLocaleString('en-GB') : n >= 1 ? n.toFixed(1) : n.toPrecision(2)
const usd = (n: number) => (n === 0 ? '0' : n < 0.005 ? '<0.01' : n.toFixed(2))
/** A unit price as a person reads it: per million units when it is below a tenth of a cent. */
const money = (usd: number, unit: string) =>
  usd < 0.0001 ? `$${Number((usd * 1e6).toPrecision(6))} per million (${unit})` : `$${usd} per ${unit}`
const unitPrice = (line: Line) =>
  line.price.usd === undefined ? 'not found with a source' : money(line.price.usd, line.price.unit)

const [programme, tenTimes] = SCALES.map((scale) => {
  const usage = usageOf(scale)
  const lines = linesOf(usage)
  return { scale, usage, lines, totals: totalsOf(lines) }
})
if (!programme || !tenTimes) throw new Error('Two scales are priced')

for (const { scale, usage } of [programme, tenTimes]) {
  console.log(
    `- **${scale.name}** (${scale.practitioners.toLocaleString('en-GB')} practitioners, ${scale.sessions.toLocaleString('en-GB')} sessions a year): ${count(usage.bookings)} bookings, ${count(usage.emails)} emails, ${count(usage.apiCalls)} API calls, ${count(usage.invocations)} function invocations and ${count(usage.looks)} invitation looks a month (${count(usage.ownLooks)} the sessions' own, ${count(usage.placeLooks)} place looks; ${count(usage.bookingsPerSession)} bookings a session).`,
  )
}
console.log('')
console.log(
  '| Service | Line | Unit price | Always free a month | Programme: quantity a month | $ a month | Ten times: quantity a month | $ a month |',
)
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |')
programme.lines.forEach((line, n) => {
  const other = tenTimes.lines[n]
  if (!other) return
  const at = (l: Line) => {
    const cost = dollars(l)
    return cost ? usd(cost.withFree) : 'not in total'
  }
  console.log(
    `| ${line.service} | ${line.item} | ${unitPrice(line)} | ${line.free ? count(line.free) : '–'} | ${count(line.quantity)} | ${at(line)} | ${count(other.quantity)} | ${at(other)} |`,
  )
})
const both = (pick: (t: Totals) => number) =>
  [programme, tenTimes].map(
    ({ totals }) => `$${pick(totals).toFixed(2)} = £${toPounds(pick(totals)).toFixed(2)}`,
  )
const [withFreeP, withFreeT] = both((t) => t.withFree)
const [withoutFreeP, withoutFreeT] = both((t) => t.withoutFree)
const [optionalP, optionalT] = both((t) => t.optional)
console.log(`| **Total, always-free allowances applied** | | | | | **${withFreeP}** | | **${withFreeT}** |`)
console.log(`| Total if no free allowance applied | | | | | ${withoutFreeP} | | ${withoutFreeT} |`)
console.log(`| WAF, optional (\`pnpm deploy:edge\`), on top | | | | | +${optionalP} | | +${optionalT} |`)
console.log(`\nNot in the totals (no price found with a source): ${programme.totals.unpriced.join('; ')}.`)

// What the largest lines come from, and the totals without them (nothing here is built).
const changes: { change: string; saves: (usage: Usage) => number }[] = [
  { change: 'no CloudWatch dashboard (the alarms stay)', saves: () => PRICES.dashboard.usd },
]
console.log('\n| Change (not made) | Programme: saves | Ten times: saves |')
console.log('| --- | ---: | ---: |')
let left = [programme.totals.withFree, tenTimes.totals.withFree]
for (const { change, saves } of changes) {
  const amounts = [saves(programme.usage), saves(tenTimes.usage)]
  left = left.map((total, n) => total - (amounts[n] ?? 0))
  console.log(`| ${change} | $${amounts[0]?.toFixed(2)} | $${amounts[1]?.toFixed(2)} |`)
}
console.log(
  `| **Total after it** | **$${left[0]?.toFixed(2)} = £${toPounds(left[0] ?? 0).toFixed(2)}** | **$${left[1]?.toFixed(2)} = £${toPounds(left[1] ?? 0).toFixed(2)}** |`,
)

console.log(`\nPounds at ${RATE_SOURCE}: $1 = £${(1 / USD_PER_GBP).toFixed(4)}.`)
console.log('\n| Price | Price-list line, offer file (publication date) | Read in |')
console.log('| --- | --- | --- |')
for (const price of Object.values(PRICES)) {
  if (!('source' in price) || !price.source) continue
  console.log(
    `| ${money(price.usd, price.unit)} | \`${price.source.usageType}\`, ${price.source.offer} | ${price.source.readIn} |`,
  )
}
console.log('')
for (const [key, source] of Object.entries(SOURCES)) console.log(`- **${key}**: ${source}.`)
