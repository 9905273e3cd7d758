import type { Command } from 'commander';
import { addAttachCommand } from './registry/attach.js';
import { addListCommand } from './registry/list.js';
import { addPromoteCommand } from './registry/promote.js';
import { addRollbackCommand } from './registry/rollback.js';
import { addShowCommand } from './registry/show.js';

/** `mlci registry list|show|promote|rollback|attach`. */
export function registerRegistry(program: Command): void {
  const registry = program
    .command('registry')
    .description('list, inspect, promote, roll back model versions and attach files to them');
  addListCommand(registry);
  addShowCommand(registry);
  addPromoteCommand(registry);
  addRollbackCommand(registry);
  addAttachCommand(registry);
}
