import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  dvcRecordFor,
  missingDataMessage
} from "./chunk-36UX5SSD.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/lineage/files.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
async function sha256File(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value).sort().map((key) => [key, sortKeys(value[key])])
    );
  }
  return value;
}
function isGlob(pattern) {
  return /[*?[{]/.test(pattern);
}
async function expandGlobs(patterns, root, what = "train.sources") {
  const found = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      const absolute = resolve(root, pattern);
      let info;
      try {
        info = await stat(absolute);
      } catch {
        const tracked = await dvcRecordFor(absolute, root).catch(() => null);
        if (tracked) throw new InputError(`${what}: ${await missingDataMessage(absolute, "data file")}`);
        throw new InputError(`${what}: "${pattern}" not found (looked in ${root})`);
      }
      if (info.isDirectory()) {
        for (const file of await walk(absolute)) found.add(toRelative(root, file));
      } else {
        found.add(toRelative(root, absolute));
      }
      continue;
    }
    const normalized = pattern.replace(/\\/g, "/");
    const base = staticPrefix(normalized);
    const baseDir = resolve(root, base);
    const matcher = globToRegExp(normalized.slice(base.length).replace(/^\//, ""));
    let matched = 0;
    for (const file of await walk(baseDir)) {
      const rel = relative(baseDir, file).split(sep).join("/");
      if (matcher.test(rel)) {
        found.add(toRelative(root, file));
        matched += 1;
      }
    }
    if (matched === 0) throw new InputError(`${what}: "${pattern}" matches no file (looked in ${root})`);
  }
  return [...found].sort();
}
async function hashFiles(paths, root) {
  const out = [];
  for (const path of paths) {
    const absolute = resolve(root, path);
    const info = await stat(absolute);
    out.push({ path: toRelative(root, absolute), sha256: await sha256File(absolute), bytes: info.size });
  }
  return out;
}
function toRelative(root, absolute) {
  const rel = relative(root, absolute);
  return (rel.startsWith("..") || isAbsolute(rel) ? absolute : rel).split(sep).join("/");
}
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git", ".mlci", "__pycache__"]);
async function walk(dir) {
  const out = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...await walk(path));
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
  return out;
}
function staticPrefix(pattern) {
  const parts = pattern.split("/");
  const fixed = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlob(part)) break;
    fixed.push(part);
  }
  return fixed.join("/");
}
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = glob.indexOf("}", i + 1);
      if (end < 0) out += "\\{";
      else {
        out += `(?:${glob.slice(i + 1, end).split(",").map((alt) => globToRegExp(alt).source.slice(1, -1)).join("|")})`;
        i = end;
      }
    } else {
      out += c.replace(/[.+^$()|\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${out}$`);
}

export {
  sha256File,
  sha256,
  canonicalJson,
  isGlob,
  expandGlobs,
  hashFiles
};
