import type { MlciConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import type { Registry } from '../registry/types.js';

/** What a request builder gets besides flags and mlci.yml: where mlci.yml is, and a registry already open. */
export interface RequestContext {
  configPath?: string;
  registry?: Registry;
}

/** The model name of a request: the flag, else model.name of mlci.yml. */
export function requireModel(flag: string | undefined, config: MlciConfig | null): string {
  const model = flag ?? config?.model.name;
  if (!model) throw new InputError('--model is required (or a mlci.yml with model.name)');
  return model;
}

/** The registry of a request: the one the caller opened, else the one the flag or mlci.yml names. */
export async function requestRegistry(
  context: RequestContext,
  flag: string | undefined,
  config: MlciConfig | null
): Promise<Registry> {
  if (context.registry) return context.registry;
  const { openRegistry } = await import('./register.js');
  return openRegistry(flag ?? config?.register?.registry);
}
