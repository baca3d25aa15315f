import type { QuestionnaireList } from '@ey/contract'
import {
  labelOf,
  londonMoment,
  QUESTIONNAIRE_KIND_LABELS,
  QUESTIONNAIRE_STATUS_LABELS,
  questionnaireUrl,
} from '@ey/presentation'
import { api, bearer } from './api.ts'
import type { BookingKey } from './booking.ts'
import { byId, h, summaryList, tag } from './dom.ts'

const STATUS_COLOURS: Record<string, string> = {
  open: 'blue',
  answered: 'green',
  'not-open': 'grey',
  closed: 'grey',
}

type Item = QuestionnaireList['items'][number]

function value(item: Item, key: BookingKey): HTMLElement {
  const status = tag(labelOf(QUESTIONNAIRE_STATUS_LABELS, item.status), STATUS_COLOURS[item.status])
  const note =
    item.status === 'open'
      ? h(
          'a',
          { class: 'govuk-link', href: questionnaireUrl('', key.id, key.token, item.kind) },
          `Answer now (open until ${londonMoment(item.closesAt)})`,
        )
      : item.status === 'not-open'
        ? `Opens ${londonMoment(item.opensAt)}`
        : null
  return h('span', {}, status, note ? ' ' : null, note)
}

/**
 * The manage page's questionnaires: each kind with its status, and a link to answer an open one.
 * Hidden when the list cannot be read (the rest of the page still works). Answers the list, which
 * the certificate's line also reads, or undefined.
 */
export async function showQuestionnaires(key: BookingKey): Promise<QuestionnaireList | undefined> {
  const list = await api<QuestionnaireList>(`/bookings/${encodeURIComponent(key.id)}/questionnaires`, {
    headers: bearer(key.token),
  }).catch(() => undefined)
  const section = byId('questionnaires')
  section.hidden = !list || list.items.every((item) => item.status === 'closed')
  if (!list) return undefined
  byId('questionnaire-list').replaceChildren(
    summaryList(list.items.map((item) => [labelOf(QUESTIONNAIRE_KIND_LABELS, item.kind), value(item, key)])),
  )
  return list
}
