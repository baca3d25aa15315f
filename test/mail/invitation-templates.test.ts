import { escapeHtml, renderInvitation } from '@ey/mail'
import { questionnaireUrl } from '@ey/presentation'
import { describe, expect, it } from 'vitest'

const SITE_URL = 'https://training.example.org'
const MANAGE_URL = 'https://training.example.org/manage#id=bk_0001&token=secret-token'
const parts = [
  { startsAt: '2026-03-16T16:00:00.000Z', endsAt: '2026-03-16T17:30:00.000Z' },
  { startsAt: '2026-03-23T16:00:00.000Z', endsAt: '2026-03-23T17:30:00.000Z' },
]
const data = (kind: string, closesAt: string) => ({
  title: 'Speech, language and communication: core',
  parts,
  questionnaireUrl: questionnaireUrl(SITE_URL, 'bk_0001', 'secret-token', kind),
  closesAt,
  manageUrl: MANAGE_URL,
})

const pre = renderInvitation({ kind: 'pre', data: data('pre', '2026-03-16T16:00:00.000Z') })
const reminder = renderInvitation({ kind: 'pre-reminder', data: data('pre', '2026-03-16T16:00:00.000Z') })
const post = (certificate: 'offered' | 'after-post', materials: string[] = []) =>
  renderInvitation({
    kind: 'post',
    data: { ...data('post', '2026-04-06T16:30:00.000Z'), certificate, materials },
  })
const followUp = renderInvitation({ kind: 'follow-up', data: data('follow-up', '2026-06-01T16:30:00.000Z') })

describe('renderInvitation', () => {
  it.each([
    [
      'pre',
      pre,
      'A questionnaire before Speech, language and communication: core',
      'pre',
      '4pm on Monday 16 March 2026',
    ],
    [
      'the pre reminder',
      reminder,
      'Reminder: a questionnaire before Speech, language and communication: core',
      'pre',
      '4pm on Monday 16 March 2026',
    ],
    [
      'post',
      post('after-post'),
      'After Speech, language and communication: core: a questionnaire and your certificate',
      'post',
      '5:30pm on Monday 6 April 2026',
    ],
    [
      'follow-up',
      followUp,
      'How has it gone since Speech, language and communication: core?',
      'follow-up',
      '5:30pm on Monday 1 June 2026',
    ],
  ])(
    '%s: links straight to the questionnaire and says when it closes, in London words',
    (_, email, subject, kind, closes) => {
      const url = questionnaireUrl(SITE_URL, 'bk_0001', 'secret-token', kind)
      expect(url).toBe(
        `https://training.example.org/questionnaire/#id=bk_0001&token=secret-token&kind=${kind}`,
      )
      expect(email.subject).toBe(subject)
      expect(email.text).toMatch(new RegExp(`:\\n${url.replaceAll(/[.?+*^$()[\]{}|\\]/g, '\\$&')}\\n`))
      expect(email.html).toContain(`href="${escapeHtml(url)}"`)
      expect(email.text).toContain(`The questionnaire closes at ${closes}.`)
      expect(email.html).toContain(`The questionnaire closes at ${closes}.`)
      expect(email.text).toContain(`View your booking:\n${MANAGE_URL}`)
      expect(email.html).toMatch(/^<!doctype html>\n<html lang="en-GB">/)
    },
  )

  it('opens with a fixed sentence about the session, never with anything the person typed', () => {
    for (const email of [pre, reminder, post('offered'), followUp]) {
      const first = email.text.split('\n')[0] ?? ''
      expect(first).toMatch(/^(You have a place on|Your training,|Thank you for coming to|You came to) /)
      expect(email.text).not.toMatch(/Hello|Dear/)
    }
    expect(pre.text.split('\n')[0]).toBe(
      'You have a place on Speech, language and communication: core, on Monday 16 March 2026 and Monday 23 March 2026.',
    )
  })

  it('post: gives the certificate’s download on the booking page when the course offers it on attendance', () => {
    const email = post('offered')
    expect(email.text).toContain(
      `Your certificate of attendance is ready.\n\nDownload your certificate from your booking page:\n${MANAGE_URL}`,
    )
    expect(email.html).toContain(
      `<a href="${escapeHtml(MANAGE_URL)}" style="color:#1d70b8;text-decoration:underline">Download your certificate from your booking page</a>`,
    )
    expect(email.text).not.toContain('comes once you have answered')
  })

  it('post: says the certificate comes once the questionnaire is answered, by default', () => {
    const email = post('after-post')
    expect(email.text).toContain(
      'Your certificate of attendance comes once you have answered the questionnaire: you can then download it from your booking page.',
    )
    expect(email.text).not.toContain('Download your certificate')
  })

  it('post: lists the session’s materials by title and sends people to their booking page for them', () => {
    const email = post('after-post', ['Slides: early communication', 'Handout: <signing> at home'])
    expect(email.text).toContain(
      'Materials on your booking page:\n  Slides: early communication\n  Handout: <signing> at home',
    )
    expect(email.text).toContain(`View your booking:\n${MANAGE_URL}`)
    expect(email.html).toContain('Handout: &lt;signing&gt; at home')
    expect(post('after-post').text).not.toContain('Materials on your booking page')
  })

  it('escapes the session title in the HTML', () => {
    const email = renderInvitation({
      kind: 'pre',
      data: { ...data('pre', '2026-03-16T16:00:00.000Z'), title: 'Sensory <b>play</b> & "messy" rooms' },
    })
    expect(email.html).toContain('Sensory &lt;b&gt;play&lt;/b&gt; &amp; &quot;messy&quot; rooms')
    expect(email.html).not.toContain('<b>play</b>')
  })
})
