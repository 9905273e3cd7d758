/**
 * The port through which a rollout is recorded somewhere visible (GitHub Deployments in the actions,
 * src/github/deployments.ts); optional, so the deploy domain stays free of any GitHub client.
 */
export interface DeploymentRecorder {
  /** Called once before the first step. */
  start(info: { model: string; version: number; environment: string; description: string }): Promise<void>;
  /** Called on progress and at the end. */
  update(state: 'in_progress' | 'queued' | 'success' | 'failure', description: string): Promise<void>;
}
