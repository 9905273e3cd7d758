// Checks what the test suite needs beyond npm packages before jest starts, and prints one line per
// missing prerequisite (with the Debian package that provides it) instead of letting tests fail.
// `--missing-debian-packages` prints only the names of the Debian packages to install, for
// scripts/setup-tests.sh; the list below is the one place those packages are named.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const PYTHON = '/usr/bin/python3';
const CHROMIUM = process.env.MLCI_CHROMIUM ?? '/usr/bin/chromium';

const pythonImports = (module) =>
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;

/** Each prerequisite: what it is, the Debian package providing it, and whether it is present. */
const DEBIAN = [
  { what: `scikit-learn for ${PYTHON}`, pkg: 'python3-sklearn', ok: () => pythonImports('sklearn') },
  { what: `onnx for ${PYTHON}`, pkg: 'python3-onnx', ok: () => pythonImports('onnx') },
  { what: `scipy for ${PYTHON}`, pkg: 'python3-scipy', ok: () => pythonImports('scipy') },
  { what: `pandas for ${PYTHON}`, pkg: 'python3-pandas', ok: () => pythonImports('pandas') },
  { what: `PyTorch for ${PYTHON}`, pkg: 'python3-torch', ok: () => pythonImports('torch') },
  // The workflow player's setup-python is a virtual environment over PYTHON that installs with its pip.
  { what: `pip for ${PYTHON}`, pkg: 'python3-pip', ok: () => pythonImports('pip') },
  { what: `Chromium at ${CHROMIUM} (or set MLCI_CHROMIUM)`, pkg: 'chromium', ok: () => existsSync(CHROMIUM) },
  // deploy/prometheus's alert rules are evaluated by Prometheus' own promtool.
  {
    what: 'promtool on PATH',
    pkg: 'prometheus',
    ok: () => spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0
  }
];

const resolves = (name) => {
  try {
    createRequire(`${process.cwd()}/package.json`).resolve(name);
    return true;
  } catch {
    return false;
  }
};

const missingDebian = DEBIAN.filter((p) => !p.ok());
if (process.argv.includes('--missing-debian-packages')) {
  if (missingDebian.length > 0) console.log(missingDebian.map((p) => p.pkg).join(' '));
  process.exit(0);
}

const problems = [
  ...missingDebian.map((p) => `missing: ${p.what} — apt-get install -y ${p.pkg}`),
  ...['jest', 'onnxruntime-node', 'playwright-core']
    .filter((name) => !resolves(name))
    .map((name) => `missing: npm package ${name} — ONNXRUNTIME_NODE_INSTALL=skip npm ci`),
  ...(existsSync('dist/cli/index.js') ? [] : ['missing: dist/cli/index.js — npm run build'])
];
for (const line of problems) console.error(line);
if (problems.length > 0) {
  console.error(
    `${problems.length} test prerequisite(s) missing: scripts/setup-tests.sh installs them (see README "Set up").`
  );
  process.exit(1);
}
