import type { MailEmailView, MailReviewView, UndeliverableAddressView } from '@ey/contract'
import {
  EMAIL_KIND_LABELS,
  labelOf,
  londonMoment,
  MAIL_AUDIT_ACTION_LABELS,
  UNDELIVERABLE_REASON_LABELS,
} from '@ey/presentation'
import { saveFailureMessage, showAdminLoadFailure } from './lib/admin-page.ts'
import { byId, h, show, tag } from './lib/dom.ts'
import { staffApi } from './staff-client.ts'

const cell = (...children: (Node | string)[]) => h('td', { class: 'govuk-table__cell' }, ...children)
const find = byId<HTMLInputElement>('find')
let review: MailReviewView = { emails: [], addresses: [], audit: [], moreEmails: false, moreAddresses: false }

/** A button in a row that names its row for screen reader users, and runs `action` once. */
function rowButton(text: string, what: string, action: () => Promise<void>): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0' },
    text,
    h('span', { class: 'govuk-visually-hidden' }, ` ${what}`),
  ) as HTMLButtonElement
  button.addEventListener('click', () => {
    button.disabled = true
    action().finally(() => {
      button.disabled = false
    })
  })
  return button
}

function emailRow(email: MailEmailView): HTMLElement {
  const kind = labelOf(EMAIL_KIND_LABELS, email.kind)
  const to = email.to ?? 'Unknown (its booking has gone)'
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(kind),
    cell(to),
    cell(londonMoment(email.createdAt)),
    cell(email.failedAt ? londonMoment(email.failedAt) : ''),
    cell(String(email.attempts)),
    cell(email.lastError ?? ''),
    cell(
      email.status === 'parked'
        ? tag('Parked', 'red')
        : tag(
            email.retryAt ? `Next try at ${londonMoment(email.retryAt)}` : 'Waiting to be tried again',
            'yellow',
          ),
    ),
    cell(
      email.status === 'parked'
        ? rowButton('Resend', `the ${kind} email to ${to}`, () => resend(email, kind))
        : '',
    ),
  )
}

function addressRow(entry: UndeliverableAddressView): HTMLElement {
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(entry.address),
    cell(UNDELIVERABLE_REASON_LABELS[entry.reason]),
    cell(entry.detail),
    cell(londonMoment(entry.at)),
    cell(rowButton('Clear', entry.address, () => clear(entry))),
  )
}

/** Fills the tables with what matches the search box. */
function render(): void {
  const wanted = find.value.trim().toLowerCase()
  const matches = (text: string | undefined) => !wanted || (text ?? '').toLowerCase().includes(wanted)
  const emails = review.emails.filter((email) => matches(email.to))
  const addresses = review.addresses.filter((entry) => matches(entry.address))
  byId('email-rows').replaceChildren(...emails.map(emailRow))
  byId('address-rows').replaceChildren(...addresses.map(addressRow))
  byId('audit-rows').replaceChildren(
    ...review.audit.map((entry) =>
      h(
        'tr',
        { class: 'govuk-table__row' },
        cell(londonMoment(entry.at)),
        cell(entry.by),
        cell(`${MAIL_AUDIT_ACTION_LABELS[entry.action]}: ${entry.subject}`),
      ),
    ),
  )
  byId('emails').hidden = emails.length === 0
  byId('no-emails').hidden = emails.length > 0
  byId('addresses').hidden = addresses.length === 0
  byId('no-addresses').hidden = addresses.length > 0
  byId('more-emails').hidden = !review.moreEmails
  byId('more-addresses').hidden = !review.moreAddresses
  byId('audit').hidden = review.audit.length === 0
  byId('no-audit').hidden = review.audit.length > 0
}

async function load(): Promise<void> {
  review = await staffApi<MailReviewView>('/admin/mail')
  render()
}

/** Says what was done in the success banner, after the lists are read again. */
async function done(message: string): Promise<void> {
  byId('action-error').hidden = true
  await load()
  byId('done-text').textContent = message
  byId('done').hidden = false
  byId('done').focus()
}

/** Says why the action failed, and reads the lists again: the row may be out of date (resent or cleared elsewhere). */
async function failed(error: unknown): Promise<void> {
  byId('done').hidden = true
  byId('action-error-text').textContent = saveFailureMessage(error)
  byId('action-error').hidden = false
  byId('action-error').focus()
  await load().catch(() => undefined)
}

async function resend(email: MailEmailView, kind: string): Promise<void> {
  try {
    await staffApi(`/admin/mail/emails/${encodeURIComponent(email.id)}/resend`, { method: 'POST' })
    await done(
      `The ${kind} email${email.to ? ` to ${email.to}` : ''} will be sent again within five minutes.`,
    )
  } catch (error) {
    await failed(error)
  }
}

async function clear(entry: UndeliverableAddressView): Promise<void> {
  try {
    await staffApi(`/admin/mail/undeliverable/${encodeURIComponent(entry.id)}`, { method: 'DELETE' })
    await done(`Email can go to ${entry.address} again.`)
  } catch (error) {
    await failed(error)
  }
}

find.addEventListener('input', render)
byId('find-form').addEventListener('submit', (event) => event.preventDefault())
load()
  .then(() => show(byId('content'), byId('loading')))
  .catch((error: unknown) => showAdminLoadFailure(error, { hide: [byId('loading'), byId('content')] }))
