import { createHmac } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import { ApiError, notFound, numericParam } from '../http.js';
import type { Router } from '../router.js';

/** Blob kinds served from the emulated storage host. */
export type StorageKind = 'release-assets' | 'artifacts';

const SECRET = 'github-emulator-storage';

function signature(emu: EmulatorContext, kind: StorageKind, id: number): string {
  return createHmac('sha256', SECRET).update(`${emu.baseUrl}/${kind}/${id}`).digest('hex').slice(0, 32);
}

/**
 * The signed URL GitHub redirects binary downloads to: it needs no Authorization header (GitHub's
 * storage rejects one on some hosts), so clients must follow the 302 as Octokit's fetch does.
 */
export function storageUrl(emu: EmulatorContext, kind: StorageKind, id: number): string {
  return `${emu.baseUrl}/_storage/${kind}/${id}?sig=${signature(emu, kind, id)}`;
}

/** Registers the storage route; `find` looks up the bytes of a blob. */
export function registerStorage(
  router: Router,
  find: (emu: EmulatorContext, kind: StorageKind, id: number) => { data: Buffer; name: string } | undefined
): void {
  router.add('GET /_storage/{kind}/{blob_id}', { access: 'none' }, (ctx) => {
    const kind = ctx.params.kind as StorageKind;
    if (kind !== 'release-assets' && kind !== 'artifacts') throw notFound();
    const id = numericParam(ctx, 'blob_id');
    if (ctx.query.get('sig') !== signature(ctx.emu, kind, id)) {
      throw new ApiError(403, 'Request has expired or the signature does not match');
    }
    const blob = find(ctx.emu, kind, id);
    if (!blob) throw notFound();
    return {
      status: 200,
      raw: blob.data,
      headers: {
        'content-type': kind === 'artifacts' ? 'application/zip' : 'application/octet-stream',
        'content-disposition': `attachment; filename=${blob.name}`
      }
    };
  });
}
