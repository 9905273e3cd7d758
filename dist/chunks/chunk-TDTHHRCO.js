import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  requireFile
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/report/html/files.ts
import { access, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
var REFERENCE_STATISTICS_FILE = "reference-statistics.json";
var STATISTICS_FILE = "statistics.json";
async function readJsonInput(path, what, mustHave) {
  await requireFile(path, what);
  let json;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${error.message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json) || !(mustHave in json))
    throw new InputError(`${path}: does not look like ${what} (no "${mustHave}" field)`);
  return json;
}
async function exists(path) {
  return access(path).then(
    () => true,
    () => false
  );
}
async function readValidationFiles(path, referenceStatistics) {
  const validation = await readJsonInput(path, "validation.json", "columns");
  const dir = dirname(path);
  const besideReference = join(dir, REFERENCE_STATISTICS_FILE);
  const hadReference = validation.reference != null;
  const referencePath = referenceStatistics ?? (hadReference && await exists(besideReference) ? besideReference : void 0);
  const besideCurrent = join(dir, STATISTICS_FILE);
  const currentPath = await exists(besideCurrent) ? besideCurrent : void 0;
  return {
    validation,
    referenceStatistics: referencePath ? await readJsonInput(referencePath, "statistics.json", "columns") : void 0,
    referenceStatisticsPath: referencePath,
    currentStatistics: currentPath ? await readJsonInput(currentPath, "statistics.json", "columns") : void 0,
    currentStatisticsPath: currentPath
  };
}

export {
  REFERENCE_STATISTICS_FILE,
  STATISTICS_FILE,
  readJsonInput,
  readValidationFiles
};
