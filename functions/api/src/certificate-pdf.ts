import type { Certificate } from '@ey/domain'
import { londonDates, verifyUrl } from '@ey/presentation'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'

const A4_LANDSCAPE: [number, number] = [841.89, 595.28]
const INK = rgb(0.043, 0.047, 0.047)

/**
 * A certificate of attendance as a one-page A4 PDF: the person's name, the course, the session's
 * dates (London), CPD hours, the partner who ran it and the code, with the `/verify/` link that checks it.
 * Standard fonts only (WinAnsi text), so nothing is embedded but the words: a letter they lack is
 * printed as its base letter (Łukasz as Lukasz, Ștefan as Stefan).
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
  const printable = new Set(regular.getCharacterSet())
  let y = 470
  const line = (text: string, size: number, font = regular, gap = 18) => {
    const safe = inFont(text, printable)
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

// Letters whose base letter is not a decomposition of them.
const BASE_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
}

// The standard fonts encode WinAnsi only (Latin-1 and a few more, such as Š, Œ, curly quotes and
// dashes). A character they lack is printed as its base letter where it has one (the accents of
// Ș or ę dropped), and as a question mark otherwise, rather than failing the whole certificate.
function inFont(text: string, printable: ReadonlySet<number>): string {
  return Array.from(text, (char) => {
    if (printable.has(char.codePointAt(0) ?? 0)) return char
    const base = BASE_LETTERS[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '')
    return [...base].every((c) => printable.has(c.codePointAt(0) ?? 0)) && base !== '' ? base : '?'
  }).join('')
}
