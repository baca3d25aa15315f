import type { BookingView, CertificateOfferView, QuestionnaireList } from '@ey/contract'
import { holdsConfirmedPlace, questionnaireUrl } from '@ey/presentation'
import { api, bearer } from './api.ts'
import type { BookingKey } from './booking.ts'
import { byId, h } from './dom.ts'
import { download } from './download.ts'

/** The certificate as a download, opened by the manage token (named as the API names it). */
function downloadCertificate(key: BookingKey, code: string): Promise<void> {
  return download(
    `/bookings/${encodeURIComponent(key.id)}/certificate.pdf`,
    { headers: { ...bearer(key.token), Accept: 'application/pdf' } },
    `certificate-${code}.pdf`,
  )
}

/** What a certificate not yet offered needs, with a link to the post questionnaire while it is open. */
function needed(offer: CertificateOfferView, key: BookingKey, post: boolean): HTMLElement {
  if (offer.status === 'post-not-answered') {
    const text = 'Answer the post-session questionnaire to get your certificate.'
    return h(
      'p',
      { class: 'govuk-body' },
      post
        ? h('a', { class: 'govuk-link', href: questionnaireUrl('', key.id, key.token, 'post') }, text)
        : text,
    )
  }
  return h('p', { class: 'govuk-body' }, 'Your certificate will be here once your attendance is recorded.')
}

/**
 * The manage page's certificate of attendance: a download once offered, or one line saying what it
 * needs. Nothing for a booking without a place (waiting, offered, cancelled), nor when the
 * certificate's status cannot be read (the rest of the page still works).
 */
export async function showCertificate(
  view: BookingView,
  key: BookingKey,
  questionnaires: Promise<QuestionnaireList | undefined>,
): Promise<void> {
  const section = byId('certificate')
  section.hidden = true
  if (!holdsConfirmedPlace(view.status)) return
  const offer = await api<CertificateOfferView>(`/bookings/${encodeURIComponent(key.id)}/certificate`, {
    headers: bearer(key.token),
  }).catch(() => undefined)
  if (!offer) return
  const status = byId('certificate-status')
  status.textContent = ''
  const code = offer.status === 'offered' ? offer.code : undefined
  if (code) {
    const button = h(
      'button',
      { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'certificate-download' },
      'Download your certificate (PDF)',
    ) as HTMLButtonElement
    button.addEventListener('click', async () => {
      if (button.disabled) return
      button.disabled = true
      status.textContent = ''
      try {
        await downloadCertificate(key, code)
        status.textContent = 'Certificate downloaded.'
      } catch {
        status.textContent = 'Sorry, the certificate could not be downloaded. Try again in a few minutes.'
      } finally {
        button.disabled = false
      }
    })
    byId('certificate-body').replaceChildren(
      h('p', { class: 'govuk-body' }, `Its verification code is ${code}.`),
      button,
    )
  } else {
    const list = await questionnaires
    const postOpen = list?.items.some((item) => item.kind === 'post' && item.status === 'open') ?? false
    byId('certificate-body').replaceChildren(needed(offer, key, postOpen))
  }
  section.hidden = false
}
