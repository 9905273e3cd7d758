import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/core/files.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join, basename, resolve } from "node:path";
async function writeFileAtomic(path, data) {
  await ensureDir(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (errorCode(error) === "EISDIR" || errorCode(error) === "ENOTEMPTY")
      throw new InputError(`${path}: is a directory, expected a file`, { cause: error });
    throw error;
  }
}
async function ensureDir(dir, what) {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code !== "EEXIST" && code !== "ENOTDIR") throw error;
    throw new InputError(await notADirectory(dir, what), { cause: error });
  }
}
async function checkOutputDir(dir, what) {
  const info = await statOrNull(dir);
  if (info?.isDirectory()) return;
  if (info || await fileAncestor(dir)) throw new InputError(await notADirectory(dir, what));
}
async function checkOutputFile(path, what) {
  const label = what ? `${what} ${path}` : path;
  if ((await statOrNull(path))?.isDirectory())
    throw new InputError(`${label}: is a directory, expected a file`);
  const parent = await fileAncestor(path);
  if (parent) throw new InputError(`${label}: ${parent} is a file, expected a directory`);
}
async function notADirectory(dir, what) {
  const label = what ? `${what} ${dir}` : dir;
  const info = await statOrNull(dir);
  if (info && !info.isDirectory()) return `${label}: exists and is a file, expected a directory`;
  const parent = await fileAncestor(dir);
  return parent ? `${label}: ${parent} is a file, expected a directory` : `${label}: cannot be created as a directory`;
}
async function fileAncestor(path) {
  let current = dirname(resolve(path));
  for (; ; ) {
    const info = await statOrNull(current);
    if (info) return info.isDirectory() ? null : current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
async function statOrNull(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}
function errorCode(error) {
  return error?.code;
}
async function writeJsonAtomic(path, value) {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n");
}
async function requireFile(path, what = "file") {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${what} not found: ${path}`);
  }
  if (info.isDirectory()) throw new InputError(`${what} is a directory, expected a file: ${path}`);
}
async function readInput(path, what, encoding) {
  try {
    return encoding ? await readFile(path, encoding) : await readFile(path);
  } catch (error) {
    const code = error.code;
    throw new InputError(
      code === "ENOENT" ? `${what} not found: ${path}` : `${path}: cannot be read (${code})`
    );
  }
}

export {
  writeFileAtomic,
  ensureDir,
  checkOutputDir,
  checkOutputFile,
  writeJsonAtomic,
  requireFile,
  readInput
};
