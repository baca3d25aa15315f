import type { BookingDeps, CatalogueRepository } from './ports.ts'
import type { CertificateRecord } from './schemas/certificate.ts'
import type { QuestionnaireKind } from './schemas/questionnaire.ts'

/** Certificates issued, found by their verification code. */
export interface CertificateStore {
  /** Records a certificate under its code; recording the same one again changes nothing. */
  record(certificate: CertificateRecord): Promise<void>
  /** The certificate with this code, if one was issued. */
  find(code: string): Promise<CertificateRecord | undefined>
}

/** Whether a booking has answered a questionnaire: the certificate's one question of the responses. */
export interface QuestionnaireAnswers {
  hasAnswered(bookingId: string, kind: QuestionnaireKind): Promise<boolean>
}

/** Everything the certificate use cases need. */
export interface CertificateDeps extends BookingDeps {
  catalogue: CatalogueRepository
  certificates: CertificateStore
  answers: QuestionnaireAnswers
}
