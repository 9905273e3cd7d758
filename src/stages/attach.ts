import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/errors.js';
import { requireFile } from '../core/files.js';
import { validateAttachRequest } from '../registry/attach.js';
import { currentUser } from '../registry/record.js';
import type { AttachRequest, ModelVersion, Registry } from '../registry/types.js';
import { readStatistics } from './register.js';

const STATISTICS = 'statistics.json';

/** What to attach to an existing version. */
export interface AttachStageOptions {
  name: string;
  version: number;
  /** statistics.json of the training data (checked to be mlci statistics). */
  statistics?: string;
  /** Other files, stored under their base names. */
  files?: string[];
  /** Replace a file the version already has (recorded). */
  force?: boolean;
  by?: string;
}

/** The outcome: the version's record after the attachment, and which files were added or replaced. */
export interface AttachStageResult {
  version: ModelVersion;
  attached: string[];
  unchanged: string[];
}

/** Reads and checks every file before the registry is touched. */
export async function buildAttachRequest(options: AttachStageOptions): Promise<AttachRequest> {
  const files: Record<string, Uint8Array> = {};
  const add = (name: string, bytes: Uint8Array, path: string) => {
    if (name in files)
      throw new InputError(`two files to attach are named "${name}" (${path}); attach them one at a time`);
    files[name] = bytes;
  };
  if (options.statistics) add(STATISTICS, await readStatistics(options.statistics), options.statistics);
  for (const path of options.files ?? []) {
    await requireFile(path, 'file to attach');
    const name = basename(path);
    add(name, name === STATISTICS ? await readStatistics(path) : new Uint8Array(await readFile(path)), path);
  }
  const request: AttachRequest = {
    name: options.name,
    version: options.version,
    files,
    by: options.by ?? currentUser(),
    force: options.force
  };
  validateAttachRequest(request);
  return request;
}

/** Adds statistics and other files to a registered version without touching its model. */
export async function attachStage(
  options: AttachStageOptions,
  registry: Registry
): Promise<AttachStageResult> {
  const request = await buildAttachRequest(options);
  const before =
    (await registry.resolve({ name: request.name, version: request.version }))?.attachments?.length ?? 0;
  const version = await registry.attach(request);
  const added = (version.attachments ?? []).slice(before).map((a) => a.file);
  return {
    version,
    attached: added,
    unchanged: Object.keys(request.files).filter((f) => !added.includes(f))
  };
}
