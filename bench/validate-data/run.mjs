// bench/validate-data: mlci validate-data on 2,000,000 × 20 (CSV and Parquet) against a drifted
// 2,000,000-row reference — raw and as a stored statistics.json — side by side with pandas + scipy.
// Usage: npm run build && node bench/validate-data/run.mjs [--skip-python]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { uptime } from 'node:os';

const data = 'bench/data';
const out = 'out/bench-validate-data';
const cli = 'dist/cli/index.js';
if (!existsSync(cli)) throw new Error('build first: npm run build');
if (!existsSync(`${data}/current.csv`))
  execFileSync(process.execPath, ['bench/validate-data/generate.mjs'], { stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function timed(label, command, args, env = {}) {
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env }
  });
  const t = run.stderr;
  const num = (re) => Number((re.exec(t) ?? [])[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(t);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const row = {
    label,
    exit: run.status,
    wall_s: seconds,
    cpu_s: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    rss_mb: Math.round(num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024)
  };
  if (run.status !== 0 && run.status !== 1) console.error(`${label} failed:\n${t.slice(-2000)}`);
  return row;
}

const load = () => uptime && readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`load average before: ${load()}`);
// Setup (not timed): every input read once, so that no timed run pays for a cold page cache (the setup
// below reads the references only), then a schema and the reference's statistics.json, as a user
// would commit/register them.
for (const name of ['current', 'reference']) for (const ext of ['csv', 'parquet']) readFileSync(`${data}/${name}.${ext}`);
execFileSync(process.execPath, [
  cli,
  'schema',
  'infer',
  '--data',
  `${data}/reference.csv`,
  '--label',
  'label',
  '--out',
  `${out}/schema.json`
]);
for (const ext of ['csv', 'parquet']) {
  execFileSync(
    process.execPath,
    [
      cli,
      'validate-data',
      '--data',
      `${data}/reference.${ext}`,
      '--label',
      'label',
      '--out',
      `${out}/ref-${ext}`,
      '--json'
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit']
    }
  );
}
const rows = [];
for (const ext of ['csv', 'parquet']) {
  const common = [
    '--data',
    `${data}/current.${ext}`,
    '--schema',
    `${out}/schema.json`,
    '--label',
    'label',
    '--json'
  ];
  rows.push(
    timed(`mlci ${ext}, raw reference`, process.execPath, [
      cli,
      'validate-data',
      ...common,
      '--reference',
      `${data}/reference.${ext}`,
      '--out',
      `${out}/raw-${ext}`
    ])
  );
  rows.push(
    timed(`mlci ${ext}, stored statistics.json`, process.execPath, [
      cli,
      'validate-data',
      ...common,
      '--reference',
      `${out}/ref-${ext}/statistics.json`,
      '--out',
      `${out}/stored-${ext}`
    ])
  );
}
// The same raw-CSV run with room for both tables in memory (no spilling): the memory/speed trade-off.
rows.push(
  timed(
    'mlci csv, raw reference, MLCI_MEMORY_LIMIT=1500MB',
    process.execPath,
    [
      cli,
      'validate-data',
      '--data',
      `${data}/current.csv`,
      '--schema',
      `${out}/schema.json`,
      '--label',
      'label',
      '--json',
      '--reference',
      `${data}/reference.csv`
    ],
    { MLCI_MEMORY_LIMIT: '1500MB' }
  )
);
if (!process.argv.includes('--skip-python')) {
  rows.push(
    timed('pandas read_csv + describe + scipy tests', '/usr/bin/python3', [
      'bench/validate-data/pandas_scipy.py',
      `${data}/current.csv`,
      `${data}/reference.csv`
    ])
  );
}
console.log(`load average after: ${load()}`);
console.log('| run | exit | wall s | CPU s | peak RSS MB |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.label} | ${r.exit} | ${r.wall_s.toFixed(1)} | ${r.cpu_s.toFixed(1)} | ${r.rss_mb} |`);
const report = JSON.parse(readFileSync(`${out}/raw-csv/validation.json`, 'utf8'));
console.log(
  `\nmlci verdict (raw CSV reference): ${report.verdict}, drift in ${report.dataset_drift?.drifted}/${report.dataset_drift?.tested} columns; phases (ms): ${JSON.stringify(report.timings_ms)}`
);
