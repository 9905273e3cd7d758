import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { writeJsonAtomic } from '../core/files.js';

/** What a paused rollout needs to carry on: written on pause, read by `--resume`, removed when done. */
export interface PausedRollout {
  model: string;
  version: number;
  target: string;
  /** Index into `steps` of the step to analyse again. */
  step: number;
  weight: number;
  steps: number[];
  failures: number;
  reason: string;
  paused: string;
}

/** Name of the state file, kept beside the registry directory (`.mlci/deploy-state.json` for the default one). */
export const STATE_FILE_NAME = 'deploy-state.json';

/**
 * Where a rollout's pause state lives by default: beside the registry it moves the alias of, so a
 * run from another working directory finds it; a registry without a directory (GitHub) uses `.mlci/`.
 */
export function defaultStateFile(registry: object): string {
  const dir = (registry as { dir?: unknown }).dir;
  return typeof dir === 'string'
    ? join(dirname(resolve(dir)), STATE_FILE_NAME)
    : resolve('.mlci', STATE_FILE_NAME);
}

/** Writes the pause state atomically. */
export async function writePauseState(path: string, state: PausedRollout): Promise<void> {
  await writeJsonAtomic(path, state);
}

/** Reads the pause state; null when there is none. */
export async function readPauseState(path: string): Promise<PausedRollout | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(text) as PausedRollout;
    if (typeof state.version !== 'number' || typeof state.step !== 'number')
      throw new Error('missing fields');
    return state;
  } catch (error) {
    throw new InputError(`${path}: not a deploy-canary state file (${(error as Error).message})`);
  }
}

/** Removes the pause state once a rollout finished. */
export async function clearPauseState(path: string): Promise<void> {
  await rm(path, { force: true });
}
