import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { fuzzSeed, seededRandom } from '../../test-support/corpus.js';

// A bounded fuzz run over the config loader (issue 16): random mutations of the shipped examples'
// mlci.yml must be accepted or refused with a ConfigError, each within a second. Replay a failure
// with MLCI_FUZZ_SEED=<seed>; run longer with MLCI_FUZZ_MS=<ms>.

const BUDGET_MS = Number(process.env.MLCI_FUZZ_MS ?? 3000);
const seeds = ['examples/churn-node/mlci.yml', 'examples/sklearn-python/mlci.yml'].map((p) =>
  readFileSync(p, 'utf8')
);
const SIGNIFICANT = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '!',
  '|',
  '>',
  "'",
  '"',
  '#',
  '%',
  '@',
  '\n',
  '\t',
  ' ',
  '? ',
  '<<: ',
  '\uFEFF',
  '\u0000',
  '~',
  '0x',
  '1e999',
  '.nan'
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const to = Math.min(out.length, at + Math.floor(random() * 40));
    switch (Math.floor(random() * 6)) {
      case 0:
        out = out.slice(0, at) + SIGNIFICANT[Math.floor(random() * SIGNIFICANT.length)] + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(to);
        break;
      case 2:
        out = out.slice(0, to) + out.slice(at, to).repeat(1 + Math.floor(random() * 50)) + out.slice(to);
        break;
      case 3:
        out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + out.slice(at + 1);
        break;
      case 4: {
        const lines = out.split('\n');
        const i = Math.floor(random() * lines.length);
        const j = Math.floor(random() * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        out = lines.join('\n');
        break;
      }
      default:
        out = out.slice(0, at) + ' '.repeat(Math.floor(random() * 6)) + out.slice(at);
    }
  }
  return out;
}

describe('config loader fuzz', () => {
  it(`accepts or refuses mutated examples with a ConfigError within 1 s each (${BUDGET_MS} ms budget)`, () => {
    const seed = fuzzSeed();
    const random = seededRandom(seed);
    const started = performance.now();
    const outcomes = { accepted: 0, refused: 0 };
    let runs = 0;
    while (performance.now() - started < BUDGET_MS) {
      const text = mutate(seeds[runs % seeds.length], random);
      const t0 = performance.now();
      try {
        parseConfig(text, 'mlci.yml');
        outcomes.accepted++;
      } catch (error) {
        if (!(error instanceof ConfigError)) {
          throw new Error(`seed ${seed}, run ${runs}: ${String(error)}\n--- input ---\n${text}`, {
            cause: error
          });
        }
        if (!/^mlci\.yml\b/.test(error.message)) {
          throw new Error(`seed ${seed}, run ${runs}: message does not name the file: ${error.message}`, {
            cause: error
          });
        }
        outcomes.refused++;
      }
      const ms = performance.now() - t0;
      if (ms > 1000)
        throw new Error(`seed ${seed}, run ${runs}: took ${Math.round(ms)} ms\n--- input ---\n${text}`);
      runs++;
    }
    expect(runs).toBeGreaterThan(50);
    // Most mutations break something; some still parse: both sides of the loader are exercised.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0);
  });
});
