import { createHash } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import {
  ApiError,
  created,
  noContent,
  notFound,
  ok,
  optionalBoolean,
  requireString,
  timestamp,
  validationFailed,
  type RequestContext
} from '../http.js';
import { paginate } from '../pagination.js';
import type { Router } from '../router.js';
import type { StoredRef, StoredTag } from '../state.js';

/** GitHub's git reference JSON. */
export type GitRef = components['schemas']['git-ref'];
/** GitHub's annotated tag JSON. */
export type GitTag = components['schemas']['git-tag'];

const SHA = /^[0-9a-f]{40}$/;

/** `heads/main` and `refs/heads/main` both name `refs/heads/main` in path parameters. */
function fullRef(param: string): string {
  return param.startsWith('refs/') ? param : `refs/${param}`;
}

/** Records a commit the emulator has not seen (its ancestry stays unknown). */
function knowCommit(emu: EmulatorContext, sha: string): void {
  if (!emu.state.commits.has(sha) && !emu.state.tags.some((t) => t.sha === sha))
    emu.state.commits.set(sha, []);
}

/** Sets a ref, creating it if needed (used by release publishing and test seeding). */
export function upsertRef(emu: EmulatorContext, ref: string, sha: string): StoredRef {
  knowCommit(emu, sha);
  const existing = emu.state.refs.find((r) => r.ref === ref);
  if (existing) {
    existing.sha = sha;
    return existing;
  }
  const created: StoredRef = { ref, sha };
  emu.state.refs.push(created);
  return created;
}

/** The commit a branch, tag or sha names (annotated tags peeled), or null. */
export function resolveCommitish(emu: EmulatorContext, commitish: string): string | null {
  for (const ref of [`refs/heads/${commitish}`, `refs/tags/${commitish}`, commitish]) {
    const found = emu.state.refs.find((r) => r.ref === ref);
    if (found) return peel(emu, found.sha);
  }
  return SHA.test(commitish) ? commitish : null;
}

function peel(emu: EmulatorContext, sha: string): string {
  const tag = emu.state.tags.find((t) => t.sha === sha);
  return tag ? peel(emu, tag.object_sha) : sha;
}

/**
 * Whether `descendant` reaches `ancestor` through the registered parents. The emulator knows no commit
 * graph beyond what tests register with `addCommit`, so an unregistered sha is never a fast-forward.
 */
export function isAncestor(emu: EmulatorContext, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  while (queue.length > 0) {
    const sha = queue.shift()!;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(emu.state.commits.get(sha) ?? []));
  }
  return false;
}

function objectType(emu: EmulatorContext, sha: string): string {
  return emu.state.tags.some((t) => t.sha === sha) ? 'tag' : 'commit';
}

/** The JSON GitHub answers for a ref. */
export function refJson(emu: EmulatorContext, r: StoredRef): GitRef {
  const type = objectType(emu, r.sha);
  return {
    ref: r.ref,
    node_id: nodeId('REF', r.ref),
    url: `${emu.repoUrl()}/git/${r.ref}`,
    object: { sha: r.sha, type, url: `${emu.repoUrl()}/git/${type === 'tag' ? 'tags' : 'commits'}/${r.sha}` }
  };
}

/** The JSON GitHub answers for an annotated tag object. */
export function tagJson(emu: EmulatorContext, t: StoredTag): GitTag {
  return {
    node_id: nodeId('TAG', t.sha),
    sha: t.sha,
    url: `${emu.repoUrl()}/git/tags/${t.sha}`,
    tagger: t.tagger,
    object: {
      sha: t.object_sha,
      type: t.object_type,
      url: `${emu.repoUrl()}/git/${t.object_type === 'tag' ? 'tags' : 'commits'}/${t.object_sha}`
    },
    tag: t.tag,
    message: t.message,
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
  };
}

function sortedRefs(emu: EmulatorContext, prefix: string): StoredRef[] {
  return emu.state.refs.filter((r) => r.ref.startsWith(prefix)).sort((a, b) => a.ref.localeCompare(b.ref));
}

function existingRef(ctx: RequestContext): StoredRef {
  const ref = ctx.emu.state.refs.find((r) => r.ref === fullRef(ctx.params.ref));
  if (!ref) throw new ApiError(422, 'Reference does not exist');
  return ref;
}

/** Registers git refs and annotated tags. */
export function registerGit(router: Router): void {
  const listAll = (ctx: RequestContext) => {
    const page = paginate(ctx, sortedRefs(ctx.emu, 'refs/'));
    return { status: 200, body: page.items.map((r) => refJson(ctx.emu, r)), headers: page.headers };
  };
  router.add('GET /repos/{owner}/{repo}/git/refs', { access: 'read' }, listAll);

  router.add('GET /repos/{owner}/{repo}/git/ref/{ref}', { access: 'read' }, (ctx) => {
    const ref = ctx.emu.state.refs.find((r) => r.ref === fullRef(ctx.params.ref));
    if (!ref) throw notFound();
    return ok(refJson(ctx.emu, ref));
  });

  router.add('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { access: 'read' }, (ctx) => {
    const page = paginate(ctx, sortedRefs(ctx.emu, fullRef(ctx.params.ref)));
    return { status: 200, body: page.items.map((r) => refJson(ctx.emu, r)), headers: page.headers };
  });

  // The legacy form: an exact match answers the ref, a prefix answers the array of matches.
  router.add('GET /repos/{owner}/{repo}/git/refs/{ref}', { access: 'read' }, (ctx) => {
    const name = fullRef(ctx.params.ref);
    const exact = ctx.emu.state.refs.find((r) => r.ref === name);
    if (exact) return ok(refJson(ctx.emu, exact));
    const matches = sortedRefs(ctx.emu, name.endsWith('/') ? name : `${name}/`);
    if (matches.length === 0) throw notFound();
    return ok(matches.map((r) => refJson(ctx.emu, r)));
  });

  router.add('POST /repos/{owner}/{repo}/git/refs', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const ref = requireString(body, 'ref', 'Reference');
    const sha = requireString(body, 'sha', 'Reference');
    if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
      throw new ApiError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!SHA.test(sha)) throw new ApiError(422, 'Object does not exist');
    // Handlers run to completion on one thread, so of two concurrent creates exactly one sees no ref.
    if (ctx.emu.state.refs.some((r) => r.ref === ref)) throw new ApiError(422, 'Reference already exists');
    return created(refJson(ctx.emu, upsertRef(ctx.emu, ref, sha)));
  });

  router.add('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const sha = requireString(body, 'sha', 'Reference');
    const force = optionalBoolean(body, 'force', 'Reference') ?? false;
    if (!SHA.test(sha)) throw new ApiError(422, 'Object does not exist');
    const ref = existingRef(ctx);
    if (!force && ref.sha !== sha && !isAncestor(ctx.emu, ref.sha, sha)) {
      throw new ApiError(422, 'Update is not a fast forward');
    }
    return ok(refJson(ctx.emu, upsertRef(ctx.emu, ref.ref, sha)));
  });

  router.add('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { access: 'write' }, (ctx) => {
    const ref = existingRef(ctx);
    ctx.emu.state.refs.splice(ctx.emu.state.refs.indexOf(ref), 1);
    return noContent();
  });

  router.add('POST /repos/{owner}/{repo}/git/tags', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const tag = requireString(body, 'tag', 'Tag');
    const message = requireString(body, 'message', 'Tag');
    const object = requireString(body, 'object', 'Tag');
    const type = requireString(body, 'type', 'Tag');
    if (!['commit', 'tree', 'blob', 'tag'].includes(type)) {
      throw validationFailed({ resource: 'Tag', code: 'invalid', field: 'type' });
    }
    if (!SHA.test(object)) throw new ApiError(422, 'Object does not exist');
    const given = body.tagger as { name?: unknown; email?: unknown; date?: unknown } | undefined;
    const tagger = {
      name: typeof given?.name === 'string' ? given.name : ctx.token!.login,
      email: typeof given?.email === 'string' ? given.email : `${ctx.token!.login}@users.noreply.github.com`,
      date: typeof given?.date === 'string' ? given.date : timestamp()
    };
    const content = `object ${object}\ntype ${type}\ntag ${tag}\ntagger ${tagger.name} <${tagger.email}> ${tagger.date}\n\n${message}`;
    const sha = createHash('sha1')
      .update(`tag ${Buffer.byteLength(content)}\0${content}`)
      .digest('hex');
    const stored: StoredTag = { sha, tag, message, object_sha: object, object_type: type, tagger };
    if (!ctx.emu.state.tags.some((t) => t.sha === sha)) ctx.emu.state.tags.push(stored);
    return created(tagJson(ctx.emu, stored));
  });

  router.add('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', { access: 'read' }, (ctx) => {
    const tag = ctx.emu.state.tags.find((t) => t.sha === ctx.params.tag_sha);
    if (!tag) throw notFound();
    return ok(tagJson(ctx.emu, tag));
  });
}
