import type { FieldError } from '../errors.ts'
import type { BookingStatus } from '../schemas/booking.ts'
import type { MaterialOwner } from '../schemas/material.ts'
import { type SessionSnapshot, sessionEnd } from '../schemas/session.ts'
import { hasConfirmedPlace } from './booking-state.ts'

const MB = 1024 * 1024

/** The size limit of each family of files, in bytes. */
export const MATERIAL_SIZE_LIMITS = { document: 20 * MB, image: 10 * MB, video: 200 * MB } as const
export type MaterialFamily = keyof typeof MATERIAL_SIZE_LIMITS

/** Every file type a material may be: its content type, the extensions it may carry and its family. */
export const MATERIAL_FILE_TYPES: Record<string, { extensions: readonly string[]; family: MaterialFamily }> =
  {
    'application/pdf': { extensions: ['pdf'], family: 'document' },
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
      extensions: ['pptx'],
      family: 'document',
    },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      extensions: ['docx'],
      family: 'document',
    },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      extensions: ['xlsx'],
      family: 'document',
    },
    'application/vnd.oasis.opendocument.text': { extensions: ['odt'], family: 'document' },
    'application/vnd.oasis.opendocument.presentation': { extensions: ['odp'], family: 'document' },
    'text/plain': { extensions: ['txt'], family: 'document' },
    'image/png': { extensions: ['png'], family: 'image' },
    'image/jpeg': { extensions: ['jpg', 'jpeg'], family: 'image' },
    'video/mp4': { extensions: ['mp4', 'm4v'], family: 'video' },
    'video/webm': { extensions: ['webm'], family: 'video' },
  }

/** What a trainer asks to upload. */
export interface MaterialFileRequest {
  fileName: string
  contentType: string
  size: number
}

/** The extension of a file name, lower case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : ''
}

/** Megabytes in words, e.g. `20 MB`. */
function inMb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`
}

/**
 * What is wrong with a file to upload, each naming its field: a type not on the list, a name whose
 * extension does not match the type, an empty file or one over its family's limit. Empty when allowed.
 */
export function materialFileErrors(file: MaterialFileRequest): FieldError[] {
  const type = MATERIAL_FILE_TYPES[file.contentType.toLowerCase()]
  if (!type) {
    return [
      {
        field: 'contentType',
        message:
          'The file must be a PDF, Word, PowerPoint, Excel, OpenDocument or text file, a PNG or JPEG image, or an MP4 or WebM video',
      },
    ]
  }
  const errors: FieldError[] = []
  if (!type.extensions.includes(extensionOf(file.fileName))) {
    errors.push({ field: 'fileName', message: `The file name must end in .${type.extensions.join(' or .')}` })
  }
  const limit = MATERIAL_SIZE_LIMITS[type.family]
  if (!Number.isInteger(file.size) || file.size < 1) {
    errors.push({ field: 'size', message: 'The file is empty' })
  } else if (file.size > limit) {
    errors.push({ field: 'size', message: `The file must be smaller than ${inMb(limit)}` })
  }
  return errors
}

/**
 * The storage key of a file: under its owner, then the material's id, so a key names what it
 * belongs to and no two uploads share one. The name keeps only safe characters.
 */
export function materialStorageKey(owner: MaterialOwner, id: string, fileName: string): string {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'file'
  return `${materialKeyPrefix(owner)}${id}/${safe.slice(-100)}`
}

/** The prefix every file key of this owner starts with. */
export function materialKeyPrefix(owner: MaterialOwner): string {
  return `materials/${owner.kind}/${owner.id}/`
}

/**
 * Whether a booking may see its session's booked-only materials: `available` to someone the
 * register shows attended (at once), or who held a confirmed place once the session's last part
 * has ended; `after-session` while such a place waits for the session to end; `not-booked` for
 * everyone else (waiting, offered, cancelled, declined, expired).
 */
export type MaterialAccess = 'available' | 'after-session' | 'not-booked'

/** The access rule above. */
export function materialAccess(
  booking: { status: BookingStatus; session: Pick<SessionSnapshot, 'parts'> },
  now: Date,
): MaterialAccess {
  if (booking.status === 'attended') return 'available'
  if (!hasConfirmedPlace(booking.status)) return 'not-booked'
  return now.getTime() >= sessionEnd(booking.session).getTime() ? 'available' : 'after-session'
}

/** How long a signed download link works: long enough to click, too short to pass around. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60

/** How long a signed upload link works: the upload must start within it. */
export const UPLOAD_LINK_SECONDS = 15 * 60
