import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearModelOnnx } from '../../src/model/onnx-build.js';

/** A deterministic generator for test data. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A temporary directory. */
export function tempDir(prefix = 'mlci-eval-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes a binary-classification CSV: features x1, x2, a slice column `country`, label `y`. */
export async function writeBinaryData(dir: string, rows: number, seed = 1): Promise<string> {
  const r = lcg(seed);
  const lines = ['x1,x2,country,y'];
  for (let i = 0; i < rows; i++) {
    const x1 = Math.round((r() * 4 - 2) * 100) / 100;
    const x2 = Math.round((r() * 4 - 2) * 100) / 100;
    const logit = 1.5 * x1 - 0.8 * x2 + (r() - 0.5) * 2.5;
    const country = i % 50 === 0 ? 'LU' : r() < 0.6 ? 'FR' : 'DE';
    lines.push(`${x1},${x2},${country},${logit > 0 ? 1 : 0}`);
  }
  const path = join(dir, 'test.csv');
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

/** A logistic regression over x1, x2 as an ONNX file; `inputMode` picks one matrix input or one input per column. */
export async function writeBinaryModel(
  dir: string,
  file: string,
  w1: number,
  w2: number,
  bias = 0,
  inputMode: 'matrix' | 'columns' = 'matrix'
): Promise<string> {
  const bytes = linearModelOnnx({
    task: 'binary',
    featureNames: ['x1', 'x2'],
    weights: [[w1], [w2]],
    bias: [bias],
    inputMode
  });
  const path = join(dir, file);
  await writeFile(path, bytes);
  return path;
}
