/** Dependabot sees every action pin, and the release workflow keeps least privilege and pinned actions. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { NODE_TARGET } from '../../scripts/bundle-options.mjs';

interface Update {
  'package-ecosystem': string;
  directories: string[];
}
interface Step {
  uses?: string;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
}

describe('dependabot and the release workflow', () => {
  it('dependabot watches the npm manifests and the action pins of every composite action', () => {
    const { updates } = parse(readFileSync('.github/dependabot.yml', 'utf8')) as { updates: Update[] };
    const actions = updates.find((u) => u['package-ecosystem'] === 'github-actions')?.directories ?? [];
    const composite = readdirSync('actions').filter((d) => existsSync(`actions/${d}/action.yml`));
    expect(actions.sort()).toEqual(['/', ...composite.map((d) => `/actions/${d}`)].sort());
    const npm = updates.find((u) => u['package-ecosystem'] === 'npm')?.directories ?? [];
    const manifests = readdirSync('examples').filter((d) => existsSync(`examples/${d}/package.json`));
    expect(npm.sort()).toEqual(['/', ...manifests.map((d) => `/examples/${d}`)].sort());
  });

  it('release.yml: no default permissions, one write scope per job, actions pinned by SHA', () => {
    const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      permissions: object;
      jobs: Record<string, Job>;
    };
    expect(workflow.permissions).toEqual({});
    const writes = Object.fromEntries(
      Object.entries(workflow.jobs).map(([name, job]) => [
        name,
        Object.entries(job.permissions ?? {})
          .filter(([, level]) => level === 'write')
          .map(([scope]) => scope)
      ])
    );
    expect(writes).toEqual({ check: [], release: ['contents'], publish: ['id-token'] });
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((s) => (s.uses ? [s.uses] : []))
    );
    expect(uses.filter((u) => !/@[0-9a-f]{40}$/.test(u))).toEqual([]);
    expect(readFileSync('.github/workflows/release.yml', 'utf8')).toContain('npm publish --provenance');
  });
});

describe('supported Node lines', () => {
  it('engines, the Dockerfile and the example agree on Node 22 and later', () => {
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } })
      .engines.node;
    expect(engines).toBe('>=22');
    const example = JSON.parse(readFileSync('examples/churn-node/package.json', 'utf8')) as {
      engines: { node: string };
    };
    expect(example.engines.node).toBe(engines);
    const from = /^FROM node:(\d+)-/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(Number(from)).toBeGreaterThanOrEqual(22);
    expect(Number(from) % 2).toBe(0);
  });
});

describe('the CI workflow', () => {
  it('runs the README test command on every supported Node line', () => {
    const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
      jobs: Record<string, { strategy?: { matrix?: { node?: string[] } }; steps: { run?: string }[] }>;
    };
    const test = Object.values(workflow.jobs).find((job) =>
      job.steps.some((s) => s.run?.includes('scripts/setup-tests.sh'))
    );
    expect(test?.strategy?.matrix?.node).toEqual(['22', '24']);
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } })
      .engines.node;
    // The bundle targets the oldest line engines accepts, which is the matrix's first.
    expect(NODE_TARGET).toBe(`node${engines.replace('>=', '')}`);
    expect(NODE_TARGET).toBe(`node${test?.strategy?.matrix?.node?.[0]}`);
  });
});
