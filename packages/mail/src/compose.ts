import type { OutgoingEmail } from '@ey/domain'
import MailComposer from 'nodemailer/lib/mail-composer'

/** The sender, as `Name <address>` or a bare address. */
export interface ComposeOptions {
  from: string
  replyTo?: string
}

/**
 * The raw MIME message (RFC 5322): text and HTML as alternatives, attachments such as the
 * calendar file after them. MailComposer does the encoding, folding and boundaries.
 */
export async function composeRawEmail(email: OutgoingEmail, options: ComposeOptions): Promise<Buffer> {
  const composer = new MailComposer({
    from: options.from,
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    ...(email.headers ? { headers: email.headers } : {}),
    attachments: (email.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    // The builder must never fetch a URL or read a file named in the content.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  return composer.compile().build()
}
