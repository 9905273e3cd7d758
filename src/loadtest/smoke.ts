// Infrastructure check: the candidate answers a real request in the serving stack (docs/loadtest.md).
import { describeError } from '../core/errors.js';
import { requestJson } from '../deploy/http.js';
import type { InfrastructureCheck } from './types.js';

/** Sends one request row to `inferUrl` and checks for a 200 with Open Inference Protocol outputs. */
export async function smokeRequest(
  name: string,
  inferUrl: string,
  body: string
): Promise<InfrastructureCheck> {
  const started = performance.now();
  try {
    const answer = await requestJson('POST', inferUrl, { raw: body, timeoutMs: 30_000 });
    const ms = (performance.now() - started).toFixed(1);
    const outputs = (answer.body as { outputs?: unknown } | null)?.outputs;
    if (answer.status === 200 && Array.isArray(outputs) && outputs.length > 0)
      return { name, passed: true, detail: `answered a request row in ${ms} ms` };
    const error = (answer.body as { error?: unknown } | null)?.error;
    return {
      name,
      passed: false,
      detail: `a request row got HTTP ${answer.status}${typeof error === 'string' ? `: ${error.slice(0, 300)}` : ' without outputs'}`
    };
  } catch (error) {
    return { name, passed: false, detail: `no answer: ${describeError(error)}` };
  }
}
