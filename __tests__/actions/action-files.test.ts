import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const actionFiles = [
  'action.yml',
  ...readdirSync('actions').map((d) => join('actions', d, 'action.yml'))
].filter((f) => existsSync(f));
const workflowFiles = [
  ...yamlFiles('.github/workflows'),
  ...yamlFiles('docs/workflows'),
  ...yamlFiles('examples')
].filter((f) => /workflows\//.test(f));

function stepsOf(file: string): Step[] {
  const doc = parse(readFileSync(file, 'utf8'));
  if (doc?.runs?.steps) return doc.runs.steps as Step[];
  return Object.values((doc?.jobs ?? {}) as Record<string, { steps?: Step[] }>).flatMap(
    (job) => job.steps ?? []
  );
}

describe('action and workflow files', () => {
  it('has the root action, the five stage actions and the monitor', () => {
    expect(actionFiles.sort()).toEqual(
      [
        'action.yml',
        'actions/deploy-canary/action.yml',
        'actions/monitor/action.yml',
        'actions/evaluate-vs-baseline/action.yml',
        'actions/register/action.yml',
        'actions/train/action.yml',
        'actions/validate-data/action.yml'
      ].sort()
    );
  });

  it.each([...actionFiles, ...workflowFiles])('%s has no ${{ }} inside a run: script', (file) => {
    const offending = stepsOf(file)
      .filter((step) => typeof step.run === 'string' && step.run.includes('${{'))
      .map((step) => step.name ?? step.run);
    expect(offending).toEqual([]);
  });

  it.each([...actionFiles, ...workflowFiles])(
    '%s runs bash with set -euo pipefail in every run: step',
    (file) => {
      const doc = parse(readFileSync(file, 'utf8'));
      const defaultShell = doc?.defaults?.run?.shell;
      for (const step of stepsOf(file).filter((s) => s.run !== undefined)) {
        expect({ step: step.name, shell: step.shell ?? defaultShell }).toEqual({
          step: step.name,
          shell: 'bash'
        });
        expect({ step: step.name, strict: step.run!.trimStart().startsWith('set -euo pipefail') }).toEqual({
          step: step.name,
          strict: true
        });
      }
    }
  );

  it.each([...actionFiles, ...workflowFiles])('%s pins third-party actions by full commit SHA', (file) => {
    // mlci's own actions in the copyable docs/ workflows name a release tag; users pin it to its commit.
    const thirdParty = (uses: string) => !uses.startsWith('./') && !uses.startsWith('mlci/mlci');
    for (const step of stepsOf(file).filter((s) => s.uses && thirdParty(s.uses))) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/uses:\s*(\S+@[0-9a-f]{40})(.*)$/gm)) {
      expect({ uses: match[1], versionComment: /#\s*v\d/.test(match[2]) }).toEqual({
        uses: match[1],
        versionComment: true
      });
    }
  });

  it.each(actionFiles)('%s maps every input to its node step and refers only to declared inputs', (file) => {
    const doc = parse(readFileSync(file, 'utf8'));
    const declared = Object.keys(doc.inputs ?? {});
    const text = readFileSync(file, 'utf8');
    const referenced = [...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]);
    expect(referenced.filter((name) => !declared.includes(name))).toEqual([]);
    const runStep = (doc.runs.steps as Step[]).find((s) => s.name?.startsWith('Run mlci'));
    expect(runStep).toBeDefined();
    for (const input of declared) {
      expect(runStep!.env).toHaveProperty(
        `MLCI_INPUT_${input.toUpperCase().replace(/-/g, '_')}`,
        `\${{ inputs.${input} }}`
      );
    }
    for (const [name, spec] of Object.entries(doc.inputs as Record<string, { description?: string }>)) {
      expect({ name, described: (spec.description ?? '').length > 10 }).toEqual({ name, described: true });
    }
    const entry = /dist\/actions\/([\w-]+)\/index\.js/.exec(runStep!.run!)?.[1];
    expect(existsSync(`src/actions/${entry}/index.ts`)).toBe(true);
  });
});
