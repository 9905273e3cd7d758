import { join, resolve } from 'node:path';
import { loadOptionalConfig } from '../../config/load.js';
import { writeJsonAtomic } from '../../core/files.js';
import { openRegistry, registerStage, type RegisterStageResult } from '../../stages/register.js';
import { buildRegisterRequest } from '../../stages/register-request.js';
import { escapeMarkdown, renderModelCard } from '../../registry/model-card.js';
import { actionProgress, runAction } from '../toolkit.js';
import { readRegisterInputs } from './inputs.js';

/** The register action: registers the model, moves aliases, writes registration.json and the job summary. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readRegisterInputs();
    const config = await loadOptionalConfig(inputs.config);
    const request = buildRegisterRequest(inputs, config);
    const registry = await openRegistry(request.registry);
    const result = await registerStage(request.stage, registry, actionProgress);
    const out = resolve(inputs.out);
    await writeJsonAtomic(join(out, 'registration.json'), {
      registry: inputs.registry,
      registered: result.registered,
      version: result.version,
      aliasEvents: result.aliasEvents
    });
    // The stored card compares with the previous version; rebuilding it here could not.
    const card = await registry
      .download(result.version.name, result.version.version, 'model-card.md')
      .then((bytes) => new TextDecoder().decode(bytes))
      .catch(() => renderModelCard(result.version, null));
    return {
      outputFolder: out,
      outputs: {
        version: String(result.version.version),
        tag: result.version.tag,
        sha256: result.version.sha256,
        created: String(result.registered)
      },
      summary: registrationSummary(result, card)
    };
  });
}

/** Markdown for the job summary: what happened, then the version's model card. */
export function registrationSummary(result: RegisterStageResult, card: string): string {
  const { version } = result;
  const lines = [
    `### 📦 mlci register: \`${version.tag}\` ${result.registered ? 'registered' : 'already registered (same sha256)'}`,
    ''
  ];
  for (const event of result.aliasEvents) {
    const from = event.from === null ? 'nothing' : `v${event.from}`;
    lines.push(`- alias \`${escapeMarkdown(event.alias)}\`: ${from} → v${event.to}`);
  }
  if (result.aliasEvents.length) lines.push('');
  lines.push(card.replace(/^# .*\n/, ''));
  return lines.join('\n');
}
