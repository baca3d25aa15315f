import { describe, expect, it } from 'vitest'
import { certificatePdf } from '../../../functions/api/src/certificate-pdf.ts'
import { partAt } from '../../support/factories.ts'
import { pdfText } from '../../support/pdf-text.ts'

const certificate = (name: string, course = 'Sensory play for every child') => ({
  code: '0A1B-2C3D-4E5F',
  bookingId: 'booking-1',
  name,
  course,
  parts: [partAt('2026-03-04T16:00:00Z')],
  cpdHours: 1.5,
  partner: 'Talking Together',
})

describe('the certificate PDF', () => {
  it('prints a letter the standard fonts lack as its base letter, not a question mark', async () => {
    const text = await pdfText(
      await certificatePdf(certificate('Łukasz Wójcik-Ștefănescu'), 'https://training.example.org'),
    )
    expect(text.split('\n')).toContain('Lukasz Wójcik-Stefanescu')
  })

  it('keeps every letter the fonts have, typographic quotes and dashes included', async () => {
    const text = await pdfText(
      await certificatePdf(
        certificate('Zoë O’Brien-Núñez', 'Play – and why it matters'),
        'https://t.example',
      ),
    )
    expect(text).toContain('Zoë O')
    expect(text).toContain('Brien-Núñez')
    expect(text).toContain('Play ')
    expect(text).toContain(' and why it matters')
  })

  it('prints a question mark only for what has no letter in the fonts', async () => {
    const text = await pdfText(await certificatePdf(certificate('李雷'), 'https://t.example'))
    expect(text.split('\n')).toContain('??')
  })
})
