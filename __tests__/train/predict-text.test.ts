// The reproducibility check runs both builds of a model over the data: a string input gets the file's
// text, as evaluate feeds it ("007" reached the model as "7" before).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { predictOnData } from '../../src/train/predict.js';
import { tempDir } from '../evaluate/helpers.js';
import { zipCodeModel } from '../evaluate/hunt-models.js';

describe('predictOnData', () => {
  it('feeds "007" and "010" to a string input as written', async () => {
    const dir = await tempDir();
    const data = join(dir, 'zip.csv');
    await writeFile(data, 'zip,y\n007,1\n010,0\n');
    const { predictions } = await predictOnData([zipCodeModel()], data);
    // probabilities [N, 2]: p(class 1) is every second value.
    expect(Array.from(predictions[0].probabilities)).toEqual([0.125, 0.875, 0.875, 0.125]);
  });
});
