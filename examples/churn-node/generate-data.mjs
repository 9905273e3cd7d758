// Writes the churn example's data: train.csv, test.csv and a drifted new-data.csv.
// Deterministic: the same --seed gives byte-identical files (run it to check the committed ones).
//   node examples/churn-node/generate-data.mjs [--out DIR] [--seed N] [--train ROWS] [--test ROWS] [--new ROWS]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: fileURLToPath(new URL('./data', import.meta.url)) },
    seed: { type: 'string', default: '2026' },
    train: { type: 'string', default: '12000' },
    test: { type: 'string', default: '3000' },
    new: { type: 'string', default: '3000' }
  }
});

/** mulberry32: a small, fast, seedable PRNG (same sequence in every JS engine). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random) {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pick(random, options) {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return options[options.length - 1][0];
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/** One customer. `drift` moves prices up, shifts contracts to month-to-month and brings younger, fibre-heavy customers. */
function customer(random, drift) {
  const contract = pick(random, [
    ['month-to-month', drift ? 0.68 : 0.5],
    ['one-year', drift ? 0.2 : 0.27],
    ['two-year', drift ? 0.12 : 0.23]
  ]);
  const internet = pick(random, [
    ['fiber', drift ? 0.6 : 0.42],
    ['dsl', drift ? 0.3 : 0.38],
    ['none', drift ? 0.1 : 0.2]
  ]);
  const payment = pick(random, [
    ['electronic_check', 0.33],
    ['mailed_check', 0.22],
    ['bank_transfer', 0.23],
    ['credit_card', 0.22]
  ]);
  const region = pick(random, [
    ['north', drift ? 0.15 : 0.27],
    ['south', drift ? 0.4 : 0.25],
    ['east', 0.24],
    ['west', drift ? 0.21 : 0.24]
  ]);
  const base = contract === 'month-to-month' ? 18 : contract === 'one-year' ? 36 : 48;
  const tenure = Math.round(clamp(base + normal(random) * 16 - (drift ? 6 : 0), 0, 72));
  const internetCharge = internet === 'fiber' ? 45 : internet === 'dsl' ? 25 : 0;
  const monthly = clamp(20 + internetCharge + random() * 45 + normal(random) * 6 + (drift ? 14 : 0), 18, 140);
  const total = tenure === 0 ? 0 : tenure * monthly * (0.92 + random() * 0.16);
  const age = Math.round(clamp(46 + normal(random) * 15 - (drift ? 9 : 0), 18, 90));
  const calls = Math.min(12, Math.floor(-Math.log(Math.max(random(), 1e-12)) * (drift ? 2.2 : 1.5)));
  const logit =
    -1.6 +
    (contract === 'month-to-month' ? 1.5 : contract === 'two-year' ? -1.1 : 0) +
    (internet === 'fiber' ? 0.6 : internet === 'none' ? -0.5 : 0) +
    (payment === 'electronic_check' ? 0.55 : 0) +
    0.32 * calls -
    0.035 * tenure +
    0.014 * (monthly - 65) -
    0.008 * (age - 46) +
    normal(random) * 0.35;
  const churned = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  return {
    tenure_months: tenure,
    monthly_charges: monthly.toFixed(2),
    // Missing values as real data has them: new customers without a bill, unknown ages, unset payment methods.
    total_charges: random() < 0.012 ? '' : total.toFixed(2),
    age: random() < 0.03 ? '' : age,
    support_calls: calls,
    contract,
    internet_service: internet,
    payment_method: random() < 0.02 ? '' : payment,
    region,
    churned
  };
}

function csv(rows) {
  const header = Object.keys(rows[0]);
  return [header.join(','), ...rows.map((row) => header.map((h) => row[h]).join(','))].join('\n') + '\n';
}

const seed = Number(values.seed);
const random = prng(seed);
const make = (count, drift) => Array.from({ length: Number(count) }, () => customer(random, drift));
mkdirSync(values.out, { recursive: true });
const files = { 'train.csv': make(values.train, false), 'test.csv': make(values.test, false), 'new-data.csv': make(values.new, true) };
for (const [name, rows] of Object.entries(files)) {
  writeFileSync(join(values.out, name), csv(rows));
  const rate = rows.reduce((sum, r) => sum + r.churned, 0) / rows.length;
  console.log(`${join(values.out, name)}: ${rows.length} rows, churn rate ${(rate * 100).toFixed(1)} %`);
}
