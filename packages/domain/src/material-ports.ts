import type { BookingDeps, CatalogueRepository, Clock, IdSource, SessionStore } from './ports.ts'
import type { Material, MaterialOwner } from './schemas/material.ts'

/** Where to send a file's bytes: a signed address that takes one `PUT` with these headers. */
export interface SignedUpload {
  url: string
  method: 'PUT'
  /** Headers the upload must carry exactly (the signature covers them). */
  headers: Record<string, string>
  expiresAt: Date
}

/** A stored file as the storage sees it. */
export interface StoredFile {
  size: number
}

/**
 * The files of materials: S3 in AWS, a local folder on one machine. Files go in and out through
 * short-lived signed links, so large files never pass through the API.
 */
export interface MaterialFiles {
  /** Stores a file's bytes directly (small files, seeds and tests). */
  put(file: { key: string; contentType: string; body: Uint8Array }): Promise<void>
  /** A link that takes one upload of this key, type and size for `seconds`. */
  signUpload(file: { key: string; contentType: string; size: number }, seconds: number): Promise<SignedUpload>
  /** A link that downloads the file as an attachment named `fileName` for `seconds`. */
  signDownload(file: { key: string; fileName: string; contentType: string }, seconds: number): Promise<string>
  /** The stored file, or undefined when nothing is stored under the key. */
  stat(key: string): Promise<StoredFile | undefined>
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>
}

/** The records of materials, by what they belong to. */
export interface MaterialStore {
  add(material: Material): Promise<void>
  /** Removes the material and answers it; undefined when it was not there. */
  remove(owner: MaterialOwner, id: string): Promise<Material | undefined>
  /** The owner's materials, oldest first. */
  listOf(owner: MaterialOwner): Promise<Material[]>
}

/** What reading a booking's materials needs. */
export interface MaterialReadDeps {
  materials: MaterialStore
  materialFiles: MaterialFiles
  clock: Clock
}

/** Everything the materials use cases need. */
export interface MaterialDeps extends MaterialReadDeps {
  ids: IdSource
  sessions: Pick<SessionStore, 'getSession'>
  catalogue: Pick<CatalogueRepository, 'getCourse'>
}

/** What an attendee's materials need: their booking, opened by its manage token. */
export type BookingMaterialDeps = BookingDeps & MaterialReadDeps
