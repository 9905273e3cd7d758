// The monitor's batch scoring feeds string inputs the data file's text, as evaluate does: "007" reached
// the model as "7" before, and a production model's metrics on delayed labels came out wrong.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readModelFile } from '../../src/model/inference.js';
import { scoreBatch } from '../../src/monitor/score-batch.js';
import { tempDir } from '../evaluate/helpers.js';
import { zipCodeModel } from '../evaluate/hunt-models.js';

describe('scoreBatch', () => {
  it('feeds "007" and "010" to a string input as written', async () => {
    const dir = await tempDir();
    const data = join(dir, 'zip.csv');
    await writeFile(data, 'zip,y\n007,1\n010,0\n007,1\n');
    const modelPath = join(dir, 'zip.onnx');
    await writeFile(modelPath, zipCodeModel());
    const { predictions } = await scoreBatch({
      model: await readModelFile(modelPath),
      data,
      label: 'y',
      task: 'binary'
    });
    if (predictions?.task !== 'binary') throw new Error('binary predictions expected');
    expect(Array.from(predictions.proba).filter((_, i) => i % 2 === 1)).toEqual([0.875, 0.125, 0.875]);
  });
});
