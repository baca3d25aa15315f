import type { Block, EmailContent } from './content.ts'
import { closing, type InvitationEmailData, questionnaireLink } from './questionnaire-invitation.ts'

/**
 * Whether the certificate of attendance can be downloaded now (the course offers it on
 * attendance alone) or comes once the post questionnaire is answered.
 */
export type PostEmailCertificate = 'offered' | 'after-post'

/** What the email after a session shows. */
export interface PostSessionEmailData extends InvitationEmailData {
  certificate: PostEmailCertificate
  /** The titles of the session's and course's materials the booking may see (none: no section). */
  materials: string[]
}

/**
 * The email when the last part has ended, to someone who attended: the post questionnaire, then
 * the certificate of attendance. Each section is a function of the data it shows, so a section
 * more is one line here.
 */
export function postSessionEmail(data: PostSessionEmailData): EmailContent {
  return {
    subject: `After ${data.title}: a questionnaire and your certificate`,
    preview: 'Two minutes to tell us how it went, and your certificate of attendance.',
    blocks: [
      { type: 'paragraph', text: `Thank you for coming to ${data.title}.` },
      ...questionnaireSection(data),
      ...certificateSection(data),
      ...materialsSection(data),
      ...closing(data),
    ],
  }
}

/** The post questionnaire: what it asks and its link. */
function questionnaireSection(data: PostSessionEmailData): Block[] {
  return [
    {
      type: 'paragraph',
      text: 'Please tell us how it went: a short questionnaire asks how confident you feel now, whether the session was useful, and what you will do differently. It takes about 2 minutes.',
    },
    ...questionnaireLink(data, 'Answer the questionnaire after your training'),
  ]
}

/** The certificate: its download on the booking's page, or that it comes once the questionnaire is answered. */
function certificateSection(data: PostSessionEmailData): Block[] {
  if (data.certificate === 'offered') {
    return [
      { type: 'paragraph', text: 'Your certificate of attendance is ready.' },
      { type: 'link', text: 'Download your certificate from your booking page', href: data.manageUrl },
    ]
  }
  return [
    {
      type: 'paragraph',
      text: 'Your certificate of attendance comes once you have answered the questionnaire: you can then download it from your booking page.',
    },
  ]
}

/**
 * The session's materials by title, on the booking page (linked at the end of every email), which
 * signs each file's link when it is opened: the email carries no link to a file.
 */
function materialsSection(data: PostSessionEmailData): Block[] {
  if (data.materials.length === 0) return []
  return [{ type: 'details', rows: [{ label: 'Materials on your booking page', values: data.materials }] }]
}
