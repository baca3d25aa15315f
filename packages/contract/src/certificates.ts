import * as z from 'zod'

/** `GET /api/bookings/{id}/certificate`: whether the certificate is offered, or what it still needs. */
export const CertificateOfferViewSchema = z
  .object({
    status: z.enum(['offered', 'not-attended', 'post-not-answered']).meta({
      description:
        'offered: download it; not-attended: the register does not show the whole course attended; post-not-answered: answer the post-session questionnaire first',
    }),
    code: z.string().optional().meta({ description: 'The verification code, once offered' }),
  })
  .meta({ id: 'CertificateOffer' })
export type CertificateOfferView = z.infer<typeof CertificateOfferViewSchema>

/** The `{code}` of `GET /api/certificates/{code}`, as printed on the certificate (like `3F9A-07C2-B1DE`). */
export const CertificateCodeParamSchema = z.object({
  code: z.string().trim().min(1).max(40).meta({ description: 'The verification code on the certificate' }),
})
export type CertificateCodeParam = z.infer<typeof CertificateCodeParamSchema>

/** `GET /api/certificates/{code}`: only what a verifier may see. */
export const CertificateVerificationSchema = z
  .object({
    name: z.string(),
    course: z.string(),
    date: z.string().meta({ description: "The session's dates in London, in words" }),
  })
  .meta({ id: 'CertificateVerification' })
export type CertificateVerification = z.infer<typeof CertificateVerificationSchema>
