import { describe, expect, it } from '@jest/globals';
import { condition, evaluate, interpolate } from '../../test-support/runner/expressions.js';

describe("the runner player's expressions (as the workflow files use them)", () => {
  const ctx = {
    inputs: { data_version: '', force: false, 'resume-version': '4' },
    github: { event: { client_payload: { reason: 'drift' } }, event_name: 'push' },
    needs: { release: { result: 'success', outputs: { version: '3' } } }
  };
  const ok = { failed: false };

  it('reads a property chain through a missing object as null and goes on to the next operand', () => {
    expect(evaluate('inputs.data_version || github.event.client_payload.data_version', ctx, ok)).toBe(
      undefined
    );
    expect(evaluate('github.event.nothing.here || inputs.resume-version', ctx, ok)).toBe('4');
    expect(evaluate("github.event['client_payload'].reason", ctx, ok)).toBe('drift');
  });

  it('evaluates || and && to an operand, == loosely, and status functions', () => {
    expect(interpolate('${{ needs.release.outputs.version || inputs.resume-version }}', ctx, ok)).toBe('3');
    expect(interpolate('${{ inputs.force || false }}', ctx, ok)).toBe('false');
    expect(interpolate("${{ github.event_name == 'PUSH' }}", ctx, ok)).toBe('true');
    expect(condition("always() && (needs.release.result == 'success')", ctx, { failed: true })).toBe(true);
    expect(condition("needs.release.result == 'success'", ctx, { failed: true })).toBe(false);
  });
});
