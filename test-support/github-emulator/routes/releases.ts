import { createHash } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import {
  ApiError,
  created,
  noContent,
  notFound,
  numericParam,
  ok,
  optionalBoolean,
  optionalString,
  requireString,
  timestamp,
  validationFailed,
  type RequestContext
} from '../http.js';
import { paginate } from '../pagination.js';
import { allows } from '../permissions.js';
import type { Router } from '../router.js';
import type { StoredAsset, StoredRelease } from '../state.js';
import { resolveCommitish, upsertRef } from './git.js';
import { storageUrl } from './storage.js';

/** GitHub's release JSON. */
export type Release = components['schemas']['release'];
/** GitHub's release asset JSON. */
export type ReleaseAsset = components['schemas']['release-asset'];

/** Drafts are visible only to tokens that may write contents (push access), as on GitHub. */
function canSeeDrafts(ctx: RequestContext): boolean {
  return ctx.token ? allows(ctx.token.permissions, ctx.token.permission, ['contents'], 'write') : false;
}

/** The tag name used in a release's URLs: drafts have an `untagged-…` placeholder. */
function urlTag(r: StoredRelease): string {
  return r.draft ? r.untagged_name : r.tag_name;
}

/** The JSON GitHub answers for an asset. */
export function assetJson(emu: EmulatorContext, release: StoredRelease, a: StoredAsset): ReleaseAsset {
  return {
    url: `${emu.repoUrl()}/releases/assets/${a.id}`,
    id: a.id,
    node_id: nodeId('RA', a.id),
    name: a.name,
    label: a.label,
    uploader: emu.user(a.uploader),
    content_type: a.content_type,
    state: 'uploaded',
    size: a.size,
    digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}`,
    download_count: a.download_count,
    created_at: a.created_at,
    updated_at: a.updated_at,
    browser_download_url: `${emu.htmlRepoUrl()}/releases/download/${encodeURIComponent(urlTag(release))}/${encodeURIComponent(a.name)}`
  };
}

/** The JSON GitHub answers for a release. */
export function releaseJson(emu: EmulatorContext, r: StoredRelease): Release {
  const api = `${emu.repoUrl()}/releases/${r.id}`;
  return {
    url: api,
    assets_url: `${api}/assets`,
    upload_url: `${emu.baseUrl}/uploads/repos/${emu.state.owner}/${emu.state.repo}/releases/${r.id}/assets{?name,label}`,
    html_url: `${emu.htmlRepoUrl()}/releases/tag/${encodeURIComponent(urlTag(r))}`,
    id: r.id,
    author: emu.user(r.author),
    node_id: nodeId('RE', r.id),
    tag_name: r.tag_name,
    target_commitish: r.target_commitish,
    name: r.name,
    draft: r.draft,
    immutable: false,
    prerelease: r.prerelease,
    created_at: r.created_at,
    updated_at: r.updated_at,
    published_at: r.published_at,
    assets: r.assets.map((a) => assetJson(emu, r, a)),
    tarball_url: r.draft ? null : `${emu.repoUrl()}/tarball/${encodeURIComponent(r.tag_name)}`,
    zipball_url: r.draft ? null : `${emu.repoUrl()}/zipball/${encodeURIComponent(r.tag_name)}`,
    body: r.body
  };
}

/** A release the token may see, or 404. */
function visibleRelease(ctx: RequestContext, id: number): StoredRelease {
  const r = ctx.emu.state.releases.find((x) => x.id === id);
  if (!r || (r.draft && !canSeeDrafts(ctx))) throw notFound();
  return r;
}

/** An asset (with its release) the token may see, or 404. */
function visibleAsset(ctx: RequestContext, id: number): { release: StoredRelease; asset: StoredAsset } {
  for (const release of ctx.emu.state.releases) {
    const asset = release.assets.find((a) => a.id === id);
    if (asset) {
      if (release.draft && !canSeeDrafts(ctx)) break;
      return { release, asset };
    }
  }
  throw notFound();
}

/** Publishing needs the tag: an existing `refs/tags/<tag>` is kept, otherwise it is created at the target. */
function publish(emu: EmulatorContext, r: StoredRelease, self: StoredRelease = r): void {
  const clash = emu.state.releases.find((x) => x !== self && !x.draft && x.tag_name === r.tag_name);
  if (clash) throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
  const tagRef = `refs/tags/${r.tag_name}`;
  if (!emu.state.refs.some((x) => x.ref === tagRef)) {
    const sha = resolveCommitish(emu, r.target_commitish);
    if (!sha) throw validationFailed({ resource: 'Release', code: 'invalid', field: 'target_commitish' });
    upsertRef(emu, tagRef, sha);
  }
  r.draft = false;
  r.published_at = timestamp();
}

/** GitHub's limit on a release body. */
export const MAX_RELEASE_BODY_CHARS = 125000;

function releaseBody(body: Record<string, unknown>): string | undefined {
  const text = optionalString(body, 'body', 'Release');
  if (text !== undefined && text.length > MAX_RELEASE_BODY_CHARS) {
    throw validationFailed({
      resource: 'Release',
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_RELEASE_BODY_CHARS} characters)`
    });
  }
  return text;
}

/** GitHub's asset file-name clean-up (spaces become dots); other renames are not emulated. */
function cleanAssetName(name: string): string {
  return name.replace(/ /g, '.');
}

/** Registers the releases and release assets routes. */
export function registerReleases(router: Router): void {
  router.add('GET /repos/{owner}/{repo}/releases', { access: 'read' }, (ctx) => {
    const all = ctx.emu.state.releases
      .filter((r) => !r.draft || canSeeDrafts(ctx))
      .sort((a, b) => b.id - a.id);
    const page = paginate(ctx, all);
    return { status: 200, body: page.items.map((r) => releaseJson(ctx.emu, r)), headers: page.headers };
  });

  router.add('POST /repos/{owner}/{repo}/releases', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const tagName = requireString(body, 'tag_name', 'Release');
    const draft = optionalBoolean(body, 'draft', 'Release') ?? false;
    const now = timestamp();
    const release: StoredRelease = {
      id: ctx.emu.nextId(),
      tag_name: tagName,
      target_commitish: optionalString(body, 'target_commitish', 'Release') ?? ctx.emu.state.defaultBranch,
      name: optionalString(body, 'name', 'Release') ?? null,
      body: releaseBody(body) ?? null,
      draft: true,
      prerelease: optionalBoolean(body, 'prerelease', 'Release') ?? false,
      author: ctx.token!.login,
      created_at: now,
      published_at: null,
      updated_at: now,
      assets: [],
      untagged_name: `untagged-${ctx.emu.newSha(tagName).slice(0, 20)}`
    };
    if (!draft) publish(ctx.emu, release);
    ctx.emu.state.releases.push(release);
    return created(releaseJson(ctx.emu, release));
  });

  // Literal siblings of {release_id}: ids are digits only, so these never collide.
  router.add('GET /repos/{owner}/{repo}/releases/latest', { access: 'read' }, (ctx) => {
    const latest = ctx.emu.state.releases
      .filter((r) => !r.draft && !r.prerelease)
      .sort((a, b) =>
        a.created_at === b.created_at ? b.id - a.id : b.created_at.localeCompare(a.created_at)
      )[0];
    if (!latest) throw notFound();
    return ok(releaseJson(ctx.emu, latest));
  });

  router.add('GET /repos/{owner}/{repo}/releases/tags/{tag}', { access: 'read' }, (ctx) => {
    // Published only, even for a token that can see drafts: GitHub's lookup by tag skips drafts.
    const r = ctx.emu.state.releases.find((x) => !x.draft && x.tag_name === ctx.params.tag);
    if (!r) throw notFound();
    return ok(releaseJson(ctx.emu, r));
  });

  router.add('GET /repos/{owner}/{repo}/releases/{release_id}', { access: 'read' }, (ctx) =>
    ok(releaseJson(ctx.emu, visibleRelease(ctx, numericParam(ctx, 'release_id'))))
  );

  router.add('PATCH /repos/{owner}/{repo}/releases/{release_id}', { access: 'write' }, (ctx) => {
    const r = visibleRelease(ctx, numericParam(ctx, 'release_id'));
    const body = ctx.json();
    const tagName = optionalString(body, 'tag_name', 'Release');
    const draft = optionalBoolean(body, 'draft', 'Release');
    const next = { ...r };
    if (tagName !== undefined) next.tag_name = tagName;
    const commitish = optionalString(body, 'target_commitish', 'Release');
    if (commitish !== undefined) next.target_commitish = commitish;
    if ('name' in body) next.name = optionalString(body, 'name', 'Release') ?? null;
    if ('body' in body) next.body = releaseBody(body) ?? null;
    const prerelease = optionalBoolean(body, 'prerelease', 'Release');
    if (prerelease !== undefined) next.prerelease = prerelease;
    if (!r.draft && tagName !== undefined && tagName !== r.tag_name) {
      const clash = ctx.emu.state.releases.find((x) => x !== r && !x.draft && x.tag_name === tagName);
      if (clash) throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
    }
    // Validate everything before changing state, so a 422 leaves the release as it was.
    if (r.draft && draft === false) {
      publish(ctx.emu, next, r);
    } else if (!r.draft && draft === true) {
      next.draft = true;
      next.published_at = null;
    }
    Object.assign(r, next);
    r.updated_at = timestamp();
    return ok(releaseJson(ctx.emu, r));
  });

  router.add('DELETE /repos/{owner}/{repo}/releases/{release_id}', { access: 'write' }, (ctx) => {
    const r = visibleRelease(ctx, numericParam(ctx, 'release_id'));
    // The tag stays, as on GitHub.
    ctx.emu.state.releases.splice(ctx.emu.state.releases.indexOf(r), 1);
    return noContent();
  });

  router.add('GET /repos/{owner}/{repo}/releases/{release_id}/assets', { access: 'read' }, (ctx) => {
    const r = visibleRelease(ctx, numericParam(ctx, 'release_id'));
    const page = paginate(ctx, r.assets);
    return { status: 200, body: page.items.map((a) => assetJson(ctx.emu, r, a)), headers: page.headers };
  });

  router.add(
    'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
    { access: 'write', prefix: '/uploads' },
    (ctx) => {
      const r = visibleRelease(ctx, numericParam(ctx, 'release_id'));
      const rawName = ctx.query.get('name');
      if (!rawName)
        throw validationFailed({ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' });
      const name = cleanAssetName(rawName);
      if (r.assets.some((a) => a.name === name)) {
        throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
      }
      const contentType = ctx.headers['content-type'];
      if (!contentType) throw new ApiError(400, 'Content-Type header is required');
      const now = timestamp();
      const asset: StoredAsset = {
        id: ctx.emu.nextId(),
        release_id: r.id,
        name,
        label: ctx.query.get('label') ?? '',
        content_type: contentType,
        size: ctx.raw.length,
        data: ctx.raw,
        uploader: ctx.token!.login,
        download_count: 0,
        created_at: now,
        updated_at: now
      };
      r.assets.push(asset);
      return created(assetJson(ctx.emu, r, asset));
    }
  );

  router.add('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', { access: 'read' }, (ctx) => {
    const { release, asset } = visibleAsset(ctx, numericParam(ctx, 'asset_id'));
    if ((ctx.headers.accept ?? '').includes('application/octet-stream')) {
      // GitHub redirects binary downloads to signed storage URLs.
      return { status: 302, headers: { location: storageUrl(ctx.emu, 'release-assets', asset.id) } };
    }
    return ok(assetJson(ctx.emu, release, asset));
  });

  router.add('PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}', { access: 'write' }, (ctx) => {
    const { release, asset } = visibleAsset(ctx, numericParam(ctx, 'asset_id'));
    const body = ctx.json();
    const name = optionalString(body, 'name', 'ReleaseAsset');
    const label = optionalString(body, 'label', 'ReleaseAsset');
    if (name !== undefined) {
      const clean = cleanAssetName(name);
      if (release.assets.some((a) => a !== asset && a.name === clean)) {
        throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
      }
      asset.name = clean;
    }
    if (label !== undefined) asset.label = label;
    asset.updated_at = timestamp();
    return ok(assetJson(ctx.emu, release, asset));
  });

  router.add('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', { access: 'write' }, (ctx) => {
    const { release, asset } = visibleAsset(ctx, numericParam(ctx, 'asset_id'));
    release.assets.splice(release.assets.indexOf(asset), 1);
    return noContent();
  });

  // The web download link (`browser_download_url`): anonymous, published releases only.
  router.add('GET /{owner}/{repo}/releases/download/{tag}/{name}', { access: 'none' }, (ctx) => {
    const r = ctx.emu.state.releases.find((x) => !x.draft && x.tag_name === ctx.params.tag);
    const asset = r?.assets.find((a) => a.name === ctx.params.name);
    if (!asset) throw notFound();
    return { status: 302, headers: { location: storageUrl(ctx.emu, 'release-assets', asset.id) } };
  });
}

/** Finds an asset's bytes for the storage route. */
export function findAssetForDownload(emu: EmulatorContext, id: number): StoredAsset | undefined {
  for (const r of emu.state.releases) {
    const a = r.assets.find((x) => x.id === id);
    if (a) return a;
  }
  return undefined;
}
