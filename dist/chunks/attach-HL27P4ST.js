import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  readStatistics
} from "./chunk-DRMYFQQU.js";
import {
  validateAttachRequest
} from "./chunk-UFIAAMN5.js";
import "./chunk-ASXTV7AU.js";
import {
  currentUser
} from "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-R2X24BNK.js";
import "./chunk-J2OQGLLM.js";
import "./chunk-TDVX5RST.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-ALJEQPYT.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import {
  requireFile
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/attach.ts
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
var STATISTICS = "statistics.json";
async function buildAttachRequest(options) {
  const files = {};
  const add = (name, bytes, path) => {
    if (name in files)
      throw new InputError(`two files to attach are named "${name}" (${path}); attach them one at a time`);
    files[name] = bytes;
  };
  if (options.statistics) add(STATISTICS, await readStatistics(options.statistics), options.statistics);
  for (const path of options.files ?? []) {
    await requireFile(path, "file to attach");
    const name = basename(path);
    add(name, name === STATISTICS ? await readStatistics(path) : new Uint8Array(await readFile(path)), path);
  }
  const request = {
    name: options.name,
    version: options.version,
    files,
    by: options.by ?? currentUser(),
    force: options.force
  };
  validateAttachRequest(request);
  return request;
}
async function attachStage(options, registry) {
  const request = await buildAttachRequest(options);
  const before = (await registry.resolve({ name: request.name, version: request.version }))?.attachments?.length ?? 0;
  const version = await registry.attach(request);
  const added = (version.attachments ?? []).slice(before).map((a) => a.file);
  return {
    version,
    attached: added,
    unchanged: Object.keys(request.files).filter((f) => !added.includes(f))
  };
}
export {
  attachStage,
  buildAttachRequest
};
