import { parseList } from '../config/parse.js';
import type { MlciConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { currentUser } from '../registry/record.js';
import type { RegisterStageOptions } from './register.js';
import { built } from './request-hook.js';

/** register's settings as text, the way the CLI flags and the action inputs give them. */
export interface RegisterFlags {
  model?: string;
  name?: string;
  evaluation?: string;
  statistics?: string;
  training?: string;
  /** Registry directory or `github`. */
  registry?: string;
  /**
   * Aliases to move: a list as a repeatable flag gives them (each taken as written, so an empty one is
   * refused by the stage), or text separated by commas or new lines as an action input gives them.
   */
  aliases?: string | string[];
  force?: boolean;
  reason?: string;
  moveAliases?: boolean;
  /** Who registers; default the GitHub actor or the local user. */
  by?: string;
}

/** A register request: the stage's options and the registry to open (undefined: the local default). */
export interface RegisterRequest {
  stage: Omit<RegisterStageOptions, 'env'>;
  registry: string | undefined;
}

/**
 * Lays flags over mlci.yml (model.name, register.registry, register.aliases) into one register
 * request; errors name the flag. The stage itself reads and checks the files before its first write.
 */
export function buildRegisterRequest(flags: RegisterFlags, config: MlciConfig | null): RegisterRequest {
  if (!flags.model) throw new InputError('--model is required (the ONNX model to register)');
  const name = flags.name ?? config?.model?.name;
  if (!name) throw new InputError('--name is required (or a mlci.yml with model.name)');
  if (flags.force && !flags.reason) throw new InputError('--force needs --reason (the forcing is recorded)');
  return built('register', {
    stage: {
      model: flags.model,
      name,
      evaluation: flags.evaluation,
      statistics: flags.statistics,
      training: flags.training,
      force: flags.force ?? false,
      reason: flags.reason,
      by: flags.by ?? currentUser(),
      aliases: aliasList(flags.aliases) ?? config?.register?.aliases ?? [],
      moveAliasesIfRegistered: flags.moveAliases ?? false
    },
    registry: flags.registry ?? config?.register?.registry
  });
}

function aliasList(aliases: string | string[] | undefined): string[] | undefined {
  if (Array.isArray(aliases)) return aliases;
  return parseList(aliases?.replace(/\n/g, ','), '--alias');
}
