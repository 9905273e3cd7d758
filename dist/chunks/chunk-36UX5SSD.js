import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-U7QWIZPG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/lineage/dvc.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var MAX_DVC_FILE_BYTES = 8 * 2 ** 20;
var MAX_LEVELS = 32;
async function dvcRecordFor(file, root) {
  const absolute = resolve(file);
  for (const dvcFile of await candidateDvcFiles(absolute)) {
    const outs = await trackedOuts(dvcFile);
    const exact = outs.find((o) => o.path === absolute);
    const holder = exact ?? outs.find((o) => absolute.startsWith(o.path + sep));
    if (holder) {
      return {
        md5: holder.md5,
        size: holder.size,
        file: projectPath(root, holder.file),
        path: projectPath(root, holder.path)
      };
    }
  }
  return null;
}
async function missingDataMessage(file, what = "data file") {
  const record = await dvcRecordFor(file, process.cwd()).catch(() => null);
  if (!record) return `${what} not found: ${file}`;
  const holder = record.path.endsWith(basename(file)) ? "" : ` (in the tracked folder ${record.path})`;
  return `${what} ${file} is tracked by DVC${holder} but is not in the workspace: run \`dvc pull\` (${record.file} records md5 ${record.md5})`;
}
async function candidateDvcFiles(file) {
  const found = [];
  const add = async (path) => {
    if (await isFile(path)) found.push(path);
  };
  await add(`${file}.dvc`);
  let dir = dirname(file);
  for (let level = 0; level < MAX_LEVELS; level++) {
    await add(join(dir, "dvc.lock"));
    const parent = dirname(dir);
    if (parent === dir) break;
    await add(join(parent, `${basename(dir)}.dvc`));
    if (await isDirectory(join(dir, ".dvc")) || await exists(join(dir, ".git"))) break;
    dir = parent;
  }
  return found;
}
async function trackedOuts(dvcFile) {
  let value;
  try {
    if ((await stat(dvcFile)).size > MAX_DVC_FILE_BYTES) return [];
    value = (0, import_yaml.parse)(await readFile(dvcFile, "utf8"), { maxAliasCount: 100 });
  } catch {
    return [];
  }
  const base = dirname(dvcFile);
  const lists = [];
  const doc = asRecord(value);
  if (basename(dvcFile) === "dvc.lock") {
    for (const stage of Object.values(asRecord(doc.stages))) {
      lists.push(asRecord(stage).outs, asRecord(stage).deps);
    }
  } else {
    lists.push(doc.outs);
  }
  const outs = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list.map(asRecord)) {
      const md5 = typeof entry.md5 === "string" ? entry.md5 : null;
      const path = typeof entry.path === "string" ? entry.path : null;
      if (!md5 || !path || entry.hash !== void 0 && entry.hash !== "md5") continue;
      const size = typeof entry.size === "number" && Number.isFinite(entry.size) ? entry.size : null;
      outs.push({ path: resolve(base, path), md5, size, file: dvcFile });
    }
  }
  return outs;
}
function asRecord(value) {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function projectPath(root, path) {
  const rel = relative(resolve(root), path);
  return (rel.startsWith("..") || isAbsolute(rel) ? path : rel).split(sep).join("/");
}
var isFile = (path) => stat(path).then(
  (s) => s.isFile(),
  () => false
);
var isDirectory = (path) => stat(path).then(
  (s) => s.isDirectory(),
  () => false
);
var exists = (path) => stat(path).then(
  () => true,
  () => false
);

export {
  dvcRecordFor,
  missingDataMessage
};
