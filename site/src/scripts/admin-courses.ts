import type { Course, Partner } from '@ey/domain'
import { adminApi, showAdminLoadFailure } from './lib/admin-api.ts'
import { byId, h, show } from './lib/dom.ts'
import { showDoneMessage } from './lib/success-banner.ts'

const DONE: Record<string, string> = {
  'course-created': 'Course added',
  'course-saved': 'Course saved',
  'partner-created': 'Partner added',
  'partner-saved': 'Partner saved',
}

const cell = (...children: (Node | string)[]) => h('td', { class: 'govuk-table__cell' }, ...children)

/** A "Change" link that names what it changes for screen reader users. */
function change(href: string, what: string): HTMLElement {
  return h(
    'a',
    { class: 'govuk-link', href },
    'Change',
    h('span', { class: 'govuk-visually-hidden' }, ` ${what}`),
  )
}

function courseRow(course: Course, partners: ReadonlyMap<string, Partner>): HTMLElement {
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(course.title),
    cell(partners.get(course.partnerId)?.name ?? course.partnerId),
    cell(change(`/staff/admin/course/?id=${encodeURIComponent(course.id)}`, course.title)),
  )
}

function partnerRow(partner: Partner): HTMLElement {
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(partner.name),
    cell(partner.website ?? ''),
    cell(change(`/staff/admin/partner/?id=${encodeURIComponent(partner.id)}`, partner.name)),
  )
}

async function main(): Promise<void> {
  showDoneMessage(DONE)
  const loading = byId('loading')
  try {
    const [{ items: courses }, { items: partners }] = await Promise.all([
      adminApi<{ items: Course[] }>('/courses'),
      adminApi<{ items: Partner[] }>('/partners'),
    ])
    const byPartnerId = new Map(partners.map((partner) => [partner.id, partner]))
    byId('course-rows').replaceChildren(...courses.map((course) => courseRow(course, byPartnerId)))
    byId('partner-rows').replaceChildren(...partners.map(partnerRow))
    show(byId('catalogue'), loading)
  } catch (error) {
    showAdminLoadFailure(error, { hide: [loading] })
  }
}

void main()
