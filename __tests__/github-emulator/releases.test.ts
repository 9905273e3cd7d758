import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
let gh: GitHubEmulator;
let writer: MlciOctokit;
let reader: MlciOctokit;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  writer = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  reader = createOctokit({ token: gh.readOnlyToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
});
afterEach(async () => {
  await gh.close();
});

async function createDraft(tag: string) {
  const res = await writer.request('POST /repos/{owner}/{repo}/releases', {
    owner,
    repo,
    tag_name: tag,
    name: tag,
    body: 'notes',
    draft: true
  });
  expect(res.status).toBe(201);
  return res.data;
}

async function upload(uploadUrl: string, name: string, data: Buffer, client: MlciOctokit = writer) {
  return client.request({
    method: 'POST',
    url: uploadUrl,
    name,
    data,
    headers: { 'content-type': 'application/octet-stream' }
  });
}

describe('releases', () => {
  it('hides drafts from lookups by tag and from read-only tokens, and shows them to writers', async () => {
    const draft = await createDraft('model@v1');
    expect(draft.draft).toBe(true);
    expect(draft.published_at).toBeNull();
    expect(draft.upload_url).toBe(
      `${gh.baseUrl}/uploads/repos/${owner}/${repo}/releases/${draft.id}/assets{?name,label}`
    );
    expect(draft.html_url).toMatch(/\/releases\/tag\/untagged-[0-9a-f]{20}$/);

    await expect(
      writer.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { owner, repo, tag: 'model@v1' })
    ).rejects.toMatchObject({ status: 404 });
    const byId = await writer.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
      owner,
      repo,
      release_id: draft.id
    });
    expect(byId.data.tag_name).toBe('model@v1');
    await expect(
      reader.request('GET /repos/{owner}/{repo}/releases/{release_id}', { owner, repo, release_id: draft.id })
    ).rejects.toMatchObject({ status: 404 });
    const writerList = await writer.paginate('GET /repos/{owner}/{repo}/releases', { owner, repo });
    const readerList = await reader.paginate('GET /repos/{owner}/{repo}/releases', { owner, repo });
    expect(writerList.map((r) => r.id)).toEqual([draft.id]);
    expect(readerList).toEqual([]);
    // No tag exists until the release is published.
    expect(gh.state.refs.some((r) => r.ref === 'refs/tags/model@v1')).toBe(false);

    const published = await writer.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
      owner,
      repo,
      release_id: draft.id,
      draft: false
    });
    expect(published.data.draft).toBe(false);
    expect(published.data.published_at).not.toBeNull();
    expect(published.data.html_url).toBe(`${gh.baseUrl}/${owner}/${repo}/releases/tag/model%40v1`);
    const byTag = await reader.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      owner,
      repo,
      tag: 'model@v1'
    });
    expect(byTag.data.id).toBe(draft.id);
    const tagRef = gh.state.refs.find((r) => r.ref === 'refs/tags/model@v1');
    expect(tagRef?.sha).toBe(gh.state.refs.find((r) => r.ref === 'refs/heads/main')?.sha);
    const latest = await reader.request('GET /repos/{owner}/{repo}/releases/latest', { owner, repo });
    expect(latest.data.id).toBe(draft.id);
  });

  it('shows drafts to a token scoped contents: write, and hides them from contents: read', async () => {
    const draft = await createDraft('model@v1');
    await upload(draft.upload_url, 'model.onnx', Buffer.from('bytes'));
    const scoped = (contents: 'read' | 'write') =>
      createOctokit({ token: gh.addToken({ contents }), baseUrl: gh.baseUrl, timeScale: 0.001 });
    const contentsWriter = scoped('write');
    const listed = await contentsWriter.paginate('GET /repos/{owner}/{repo}/releases', { owner, repo });
    expect(listed.map((r) => r.id)).toEqual([draft.id]);
    const one = await contentsWriter.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
      owner,
      repo,
      release_id: draft.id
    });
    expect(one.data.draft).toBe(true);
    const assets = await contentsWriter.request('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
      owner,
      repo,
      release_id: draft.id
    });
    expect(assets.data.map((a) => a.name)).toEqual(['model.onnx']);
    const contentsReader = scoped('read');
    expect(await contentsReader.paginate('GET /repos/{owner}/{repo}/releases', { owner, repo })).toEqual([]);
    await expect(
      contentsReader.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
        owner,
        repo,
        release_id: draft.id
      })
    ).rejects.toMatchObject({ status: 404 });
  });

  it('refuses to publish a second release with a published tag', async () => {
    await writer.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'v2' });
    await expect(
      writer.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'v2' })
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } }
    });
    // Two drafts with the same tag are allowed; publishing the second fails and leaves it a draft.
    const draft = await createDraft('v2');
    await expect(
      writer.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
        owner,
        repo,
        release_id: draft.id,
        draft: false
      })
    ).rejects.toMatchObject({ status: 422 });
    expect(gh.state.releases.find((r) => r.id === draft.id)?.draft).toBe(true);
  });

  it('rejects a release body over 125,000 characters with 422', async () => {
    const ok = await writer.request('POST /repos/{owner}/{repo}/releases', {
      owner,
      repo,
      tag_name: 'v1',
      body: 'x'.repeat(125000)
    });
    await expect(
      writer.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
        owner,
        repo,
        release_id: ok.data.id,
        body: 'x'.repeat(125001)
      })
    ).rejects.toMatchObject({ status: 422 });
    expect(gh.state.releases[0].body).toHaveLength(125000);
  });

  it('answers 403 to release writes with a read-only token', async () => {
    await expect(
      reader.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'v1' })
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    });
    expect(gh.state.releases).toHaveLength(0);
  });

  it('uploads assets to upload_url, lists and downloads them, and rejects a duplicate name with 422', async () => {
    const draft = await createDraft('model@v3');
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const up = await upload(draft.upload_url, 'model.onnx', bytes);
    expect(up.status).toBe(201);
    expect(up.data).toMatchObject({
      name: 'model.onnx',
      size: 3000,
      state: 'uploaded',
      content_type: 'application/octet-stream'
    });

    const dup = upload(draft.upload_url, 'model.onnx', Buffer.from('other'));
    await expect(dup).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] } }
    });
    expect(gh.state.releases[0].assets).toHaveLength(1);

    await upload(draft.upload_url, 'record.json', Buffer.from('{"v":3}'));
    const assets = await writer.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
      owner,
      repo,
      release_id: draft.id
    });
    expect(assets.map((a) => a.name)).toEqual(['model.onnx', 'record.json']);

    const download = await writer.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: up.data.id,
      headers: { accept: 'application/octet-stream' }
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(download.data as unknown as ArrayBuffer).equals(bytes)).toBe(true);

    // Without the octet-stream accept header the same route answers the asset's JSON.
    const meta = await writer.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: up.data.id
    });
    expect(meta.data.download_count).toBe(1);

    // A draft's assets are invisible to a read-only token.
    await expect(
      reader.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        owner,
        repo,
        asset_id: up.data.id
      })
    ).rejects.toMatchObject({ status: 404 });
    await expect(upload(draft.upload_url, 'evil.bin', Buffer.from('x'), reader)).rejects.toMatchObject({
      status: 403
    });

    await writer.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
      owner,
      repo,
      release_id: draft.id,
      draft: false
    });
    const published = await reader.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      owner,
      repo,
      tag: 'model@v3'
    });
    const record = published.data.assets.find((a) => a.name === 'record.json');
    expect(record?.browser_download_url).toBe(
      `${gh.baseUrl}/${owner}/${repo}/releases/download/model%40v3/record.json`
    );
    const anonymous = await fetch(record!.browser_download_url);
    expect(await anonymous.text()).toBe('{"v":3}');

    await writer.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: up.data.id
    });
    expect(gh.state.releases[0].assets.map((a) => a.name)).toEqual(['record.json']);
    // After a delete the name is free again.
    const again = await upload(draft.upload_url, 'model.onnx', bytes);
    expect(again.status).toBe(201);
    expect(again.data.id).not.toBe(up.data.id);
  });

  it('deletes a release but keeps its tag, as GitHub does', async () => {
    const res = await writer.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'v9' });
    await writer.request('DELETE /repos/{owner}/{repo}/releases/{release_id}', {
      owner,
      repo,
      release_id: res.data.id
    });
    expect(gh.state.releases).toHaveLength(0);
    expect(gh.state.refs.some((r) => r.ref === 'refs/tags/v9')).toBe(true);
    await expect(
      writer.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
        owner,
        repo,
        release_id: res.data.id
      })
    ).rejects.toMatchObject({ status: 404 });
  });

  it('pages the release list newest first beyond 100 releases', async () => {
    for (let i = 1; i <= 105; i++) {
      await writer.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: `v${i}` });
    }
    const all = await reader.paginate('GET /repos/{owner}/{repo}/releases', { owner, repo, per_page: 100 });
    expect(all).toHaveLength(105);
    expect(all[0].tag_name).toBe('v105');
    expect(all[104].tag_name).toBe('v1');
  });
});
