import type { MaterialReadDeps } from '../material-ports.ts'
import { DOWNLOAD_LINK_SECONDS } from '../rules/materials.ts'
import type { Material, MaterialAudience } from '../schemas/material.ts'

/** A material as people see it: a link's address, or a file's short-lived download link. */
export interface MaterialLink {
  id: string
  scope: 'course' | 'session'
  kind: 'file' | 'link'
  title: string
  audience: MaterialAudience
  href: string
  fileName?: string
  contentType?: string
  size?: number
}

/** The material with where to open it; a file's link is signed for `DOWNLOAD_LINK_SECONDS`. */
export async function linkTo(
  deps: Pick<MaterialReadDeps, 'materialFiles'>,
  material: Material,
): Promise<MaterialLink> {
  const shown = {
    id: material.id,
    scope: material.owner.kind,
    title: material.title,
    audience: material.audience,
  }
  if (material.kind === 'link') return { ...shown, kind: 'link', href: material.url }
  const { fileName, contentType, size, storageKey } = material
  const href = await deps.materialFiles.signDownload(
    { key: storageKey, fileName, contentType },
    DOWNLOAD_LINK_SECONDS,
  )
  return { ...shown, kind: 'file', href, fileName, contentType, size }
}
