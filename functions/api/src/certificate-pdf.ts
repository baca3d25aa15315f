import type { Certificate } from '@ey/domain'
import { londonDates, verifyUrl } from '@ey/presentation'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'

const A4_LANDSCAPE: [number, number] = [841.89, 595.28]
const INK = rgb(0.043, 0.047, 0.047)

/**
 * A certificate of attendance as a one-page A4 PDF: the person's name, the course, the session's
 * dates (London), CPD hours, the partner who ran it and the code, with the `/verify/` link that checks it.
 * Standard fonts only (WinAnsi text), so nothing is embedded but the words.
 */
export async function certificatePdf(certificate: Certificate, siteUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`Certificate of attendance: ${certificate.course}`)
  const page = pdf.addPage(A4_LANDSCAPE)
  const [regular, bold] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
  ])
  const width = page.getWidth()
  let y = 470
  const line = (text: string, size: number, font = regular, gap = 18) => {
    const safe = winAnsi(text)
    page.drawText(safe, { x: (width - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color: INK })
    y -= size + gap
  }
  line('Certificate of attendance', 30, bold, 30)
  line('This is to certify that', 14)
  line(certificate.name, 26, bold, 24)
  line('attended', 14)
  line(certificate.course, 20, bold, 22)
  line(`on ${londonDates(certificate.parts)}`, 14)
  line(`${certificate.cpdHours} CPD hours`, 14)
  if (certificate.partner) line(`Delivered by ${certificate.partner}`, 14, regular, 40)
  line(`Verification code: ${certificate.code}`, 12, bold, 10)
  line(`Check it at ${verifyUrl(siteUrl, certificate.code)}`, 11)
  return pdf.save()
}

// The standard fonts encode WinAnsi only: typographic quotes and dashes map to it; anything else
// outside it becomes a question mark rather than failing the whole certificate.
function winAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\u0020-\u007E\u00A0-\u00FF]/g, '?')
}
