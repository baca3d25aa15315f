import { AccessDeniedError, DomainError } from '../errors.ts'
import type { MaterialDeps, SignedUpload } from '../material-ports.ts'
import {
  type MaterialFileRequest,
  materialFileErrors,
  materialKeyPrefix,
  materialStorageKey,
  UPLOAD_LINK_SECONDS,
} from '../rules/materials.ts'
import { canRunSession } from '../rules/staff-access.ts'
import type { Material, MaterialAudience, MaterialOwner } from '../schemas/material.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'
import { linkTo, type MaterialLink } from './material-links.ts'

/**
 * Checks that the caller may change the owner's materials: a session's trainers and
 * administrators for a session; administrators only for a course (it spans every trainer's sessions).
 */
export async function checkMaterialOwner(
  deps: Pick<MaterialDeps, 'sessions' | 'catalogue'>,
  principal: StaffPrincipal,
  owner: MaterialOwner,
): Promise<void> {
  if (owner.kind === 'session') {
    const session = await deps.sessions.getSession(owner.id)
    if (!session) throw new DomainError('session-not-found')
    if (!canRunSession(principal, session))
      throw new AccessDeniedError(403, 'This is not one of your sessions.')
    return
  }
  if (!principal.roles.includes('admin'))
    throw new AccessDeniedError(403, 'Only administrators change a course.')
  if (!(await deps.catalogue.getCourse(owner.id))) throw new DomainError('course-not-found')
}

/** The owner's materials, each with a short-lived link, for the staff who may change them. */
export async function listMaterials(
  deps: MaterialDeps,
  principal: StaffPrincipal,
  owner: MaterialOwner,
): Promise<MaterialLink[]> {
  await checkMaterialOwner(deps, principal, owner)
  return Promise.all((await deps.materials.listOf(owner)).map((material) => linkTo(deps, material)))
}

/** Adds a link (already checked to be `https:` by its schema). */
export async function addLinkMaterial(
  deps: MaterialDeps,
  principal: StaffPrincipal,
  owner: MaterialOwner,
  input: { title: string; url: string; audience: MaterialAudience },
): Promise<MaterialLink> {
  await checkMaterialOwner(deps, principal, owner)
  const material: Material = { ...stamp(deps, principal, owner), kind: 'link', ...input }
  await deps.materials.add(material)
  return linkTo(deps, material)
}

/** Where to upload a file, once its type and size are allowed. */
export interface UploadTicket extends SignedUpload {
  /** The key to confirm once the upload has finished. */
  key: string
}

/**
 * A signed link to upload one file straight to the file storage. A type or size that is not
 * allowed is refused with `file-not-allowed`, naming the field.
 */
export async function requestMaterialUpload(
  deps: MaterialDeps,
  principal: StaffPrincipal,
  owner: MaterialOwner,
  file: MaterialFileRequest,
): Promise<UploadTicket> {
  await checkMaterialOwner(deps, principal, owner)
  refuseNotAllowed(file)
  const key = materialStorageKey(owner, deps.ids.newId(), file.fileName)
  const upload = await deps.materialFiles.signUpload(
    { key, contentType: file.contentType, size: file.size },
    UPLOAD_LINK_SECONDS,
  )
  return { key, ...upload }
}

/**
 * Records an uploaded file as a material. The key must be one this owner was given for this file
 * name; the stored size is checked again (a file larger than allowed is deleted and refused).
 */
export async function confirmMaterialUpload(
  deps: MaterialDeps,
  principal: StaffPrincipal,
  owner: MaterialOwner,
  input: { key: string; fileName: string; contentType: string; title: string; audience: MaterialAudience },
): Promise<MaterialLink> {
  await checkMaterialOwner(deps, principal, owner)
  const id = input.key.slice(materialKeyPrefix(owner).length).split('/')[0] ?? ''
  if (!id || input.key !== materialStorageKey(owner, id, input.fileName)) {
    throw new DomainError('upload-not-found', 'This upload does not belong here; upload the file again.')
  }
  const stored = await deps.materialFiles.stat(input.key)
  if (!stored) throw new DomainError('upload-not-found')
  const file = { fileName: input.fileName, contentType: input.contentType, size: stored.size }
  if (materialFileErrors(file).length > 0) await deps.materialFiles.delete(input.key)
  refuseNotAllowed(file)
  const material: Material = {
    ...stamp(deps, principal, owner),
    id,
    kind: 'file',
    title: input.title,
    audience: input.audience,
    ...file,
    storageKey: input.key,
  }
  await deps.materials.add(material)
  return linkTo(deps, material)
}

/** Removes a material, and its file. */
export async function removeMaterial(
  deps: MaterialDeps,
  principal: StaffPrincipal,
  owner: MaterialOwner,
  id: string,
): Promise<void> {
  await checkMaterialOwner(deps, principal, owner)
  const removed = await deps.materials.remove(owner, id)
  if (!removed) throw new DomainError('material-not-found')
  if (removed.kind === 'file') await deps.materialFiles.delete(removed.storageKey)
}

function refuseNotAllowed(file: MaterialFileRequest): void {
  const fieldErrors = materialFileErrors(file)
  if (fieldErrors.length > 0) {
    throw new DomainError('file-not-allowed', fieldErrors.map((error) => error.message).join('. '), {
      fieldErrors,
    })
  }
}

function stamp(deps: MaterialDeps, principal: StaffPrincipal, owner: MaterialOwner) {
  return { id: deps.ids.newId(), owner, addedAt: deps.clock.now().toISOString(), addedBy: principal.sub }
}
