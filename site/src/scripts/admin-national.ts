import type { NationalSummary } from '@ey/contract'
import { nationalFileName } from '@ey/domain'
import { colourSteps, fillOf, NONE_FILL } from '../lib/hexmap.ts'
import { saveFailureMessage, showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show, summaryList } from './lib/dom.ts'
import { download } from './lib/download.ts'
import { plural } from './lib/format.ts'
import { staffApi, staffAuthorization } from './staff-client.ts'

type SatisfactionRow = NationalSummary['satisfaction']['byCourse'][number]

const number = new Intl.NumberFormat('en-GB')
const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** A whole number with thousands separated: `21,477`. */
const count = (value: number) => number.format(value)
/** A figure that exists only per academic year: the count, or a dash. */
const yearly = (value: number | null) => (value === null ? '–' : count(value))
const percent = (value: number | null) => (value === null ? 'none' : `${value}%`)
const signed = (value: number | null) => (value === null ? 'none' : value > 0 ? `+${value}` : String(value))
const dayInWords = (iso: string) => day.format(new Date(`${iso}T12:00:00Z`))

/** A table row whose first cell heads it. */
function row(head: string, ...cells: string[]): HTMLElement {
  return h(
    'tr',
    { class: 'govuk-table__row' },
    h('th', { scope: 'row', class: 'govuk-table__header' }, head),
    ...cells.map((cell) => h('td', { class: 'govuk-table__cell' }, cell)),
  )
}

function headline(summary: NationalSummary): void {
  const { people, las } = summary
  byId('headline').replaceChildren(
    summaryList([
      [
        'People reached',
        people.total === null
          ? null
          : `${count(people.total)}: ${count(people.practitioners ?? 0)} practitioners, ${count(people.parentsAndCarers ?? 0)} parents and carers, ${count(people.others ?? 0)} others`,
      ],
      ['Settings reached', summary.settings === null ? null : count(summary.settings)],
      ['Sessions', count(summary.sessions)],
      ['Places booked', count(summary.bookings)],
      ['Attendances', count(summary.attendances)],
      ['Local authorities represented', `${count(las.represented)} of ${count(las.of)} (${las.share}%)`],
    ]),
  )
  byId('people-note').hidden = people.total !== null
}

/** Colours every district by its LA's places booked, writes the figures into its title, and fills the legend. */
function colourMap(summary: NationalSummary): void {
  const byCode = new Map(summary.byLa.map((la) => [la.code, la]))
  const steps = colourSteps(Math.max(0, ...summary.byLa.map((la) => la.bookings)))
  for (const hex of document.querySelectorAll<SVGGElement>('.app-hexmap__hex')) {
    const la = byCode.get(hex.dataset.la ?? '')
    const bookings = la?.bookings ?? 0
    hex.querySelector('polygon')?.setAttribute('fill', fillOf(bookings, steps))
    const title = hex.querySelector('title')
    if (title) {
      title.textContent = `${hex.dataset.label}: ${plural(bookings, 'place')} booked, ${count(la?.attendances ?? 0)} attended`
    }
  }
  for (const item of byId('map-legend').querySelectorAll<HTMLElement>('li[data-fill]')) {
    if (item.dataset.fill === NONE_FILL) continue
    const step = steps.find((candidate) => candidate.fill === item.dataset.fill)
    item.hidden = !step
    const key = item.querySelector('.app-hexmap__key')
    if (step && key) {
      const figures = step.from === step.to ? count(step.from) : `${count(step.from)} to ${count(step.to)}`
      key.textContent = `${figures} places booked`
    }
  }
}

/** The readout under the map follows the hex in focus, or under the pointer. */
function followHexes(): void {
  const readout = byId('map-readout')
  const read = (event: Event) => {
    const hex = (event.target as Element | null)?.closest<SVGGElement>('.app-hexmap__hex')
    const title = hex?.querySelector('title')?.textContent
    if (title) readout.textContent = title
  }
  const map = document.querySelector('.app-hexmap__svg')
  map?.addEventListener('focusin', read)
  map?.addEventListener('mouseover', read)
}

function satisfactionRows(rows: readonly SatisfactionRow[]): HTMLElement[] {
  return rows.map((entry) =>
    row(
      entry.name,
      count(entry.responses),
      percent(entry.usefulShare),
      percent(entry.recommendShare),
      signed(entry.meanChange),
    ),
  )
}

function render(summary: NationalSummary): void {
  byId('period-text').textContent =
    `Sessions starting from ${dayInWords(summary.period.from)} to ${dayInWords(summary.period.to)}.`
  headline(summary)
  byId('region-rows').replaceChildren(
    ...summary.byRegion.map((region) =>
      row(
        region.name,
        yearly(region.people),
        count(region.attendances),
        `${region.lasRepresented} of ${region.las}`,
      ),
    ),
  )
  const regionNames = new Map(summary.byRegion.map((region) => [region.code, region.name]))
  byId('la-rows').replaceChildren(
    ...summary.byLa.map((la) =>
      row(
        la.name,
        regionNames.get(la.regionCode) ?? '',
        count(la.bookings),
        count(la.attendances),
        yearly(la.people),
      ),
    ),
  )
  colourMap(summary)
  const { demand, satisfaction } = summary
  byId('course-demand-rows').replaceChildren(
    ...demand.byCourse.map((course) =>
      row(
        course.title,
        count(course.waiting),
        count(course.openAlerts),
        count(course.placesLeft),
        count(course.waiting + course.openAlerts - course.placesLeft),
      ),
    ),
  )
  byId('course-demand-box').hidden = demand.byCourse.length === 0
  byId('no-course-demand').hidden = demand.byCourse.length > 0
  byId('area-demand-rows').replaceChildren(
    ...demand.byLa.map((area) =>
      row(area.name, count(area.waiting), count(area.openAlerts), count(area.waiting + area.openAlerts)),
    ),
  )
  byId('area-demand-box').hidden = demand.byLa.length === 0
  byId('no-area-demand').hidden = demand.byLa.length > 0
  byId('course-satisfaction-rows').replaceChildren(...satisfactionRows(satisfaction.byCourse))
  byId('partner-satisfaction-rows').replaceChildren(...satisfactionRows(satisfaction.byPartner))
  byId('satisfaction').hidden = satisfaction.byCourse.length === 0
  byId('no-satisfaction').hidden = satisfaction.byCourse.length > 0
}

/** The period's figures of every LA as the CSV file the API makes. */
function offerDownload(period: NationalSummary['period']): void {
  const button = byId<HTMLButtonElement>('download')
  const failure = byId('download-error')
  button.addEventListener('click', async () => {
    failure.hidden = true
    const call = { headers: { ...staffAuthorization(), Accept: 'text/csv' } }
    try {
      await download(`/admin/national.csv?${new URLSearchParams(period)}`, call, nationalFileName(period))
    } catch (error) {
      failure.textContent = saveFailureMessage(error)
      failure.hidden = false
    }
  })
}

async function main(): Promise<void> {
  const loading = byId('loading')
  const asked = new URLSearchParams(location.search)
  const query = new URLSearchParams()
  for (const name of ['from', 'to']) {
    const value = asked.get(name)
    if (value) query.set(name, value)
    byId<HTMLInputElement>(name).value = value ?? ''
  }
  followHexes()
  try {
    const summary = await staffApi<NationalSummary>(`/admin/national?${query}`)
    byId<HTMLInputElement>('from').value = summary.period.from
    byId<HTMLInputElement>('to').value = summary.period.to
    render(summary)
    offerDownload(summary.period)
    show(byId('content'), loading)
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 400 || error.status === 422)) {
      byId('error-text').textContent = error.errors[0]?.message ?? error.message
      show(byId('error'), loading)
      return
    }
    showAdminLoadFailure(error, { hide: [loading] })
  }
}

void main()
