import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  analyse,
  checkData,
  renderMarkdown
} from "./chunk-5RBKIHL5.js";
import {
  parseSchema
} from "./chunk-KZNYQM7F.js";
import {
  isStatistics
} from "./chunk-TDVX5RST.js";
import {
  labelIn,
  loadSource
} from "./chunk-CZJ54TB3.js";
import {
  openEngine
} from "./chunk-BQLEISGD.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  readInput,
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/validate-data.ts
import { readFile, realpath, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
async function readReference(path) {
  if (!/\.json$/i.test(path) || /\.(jsonl|ndjson)$/i.test(path)) return void 0;
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw new InputError(`reference not found: ${path}`);
    if (code === "EISDIR")
      throw new InputError(`${path} is a directory; pass a data file, a glob or a statistics.json`);
    throw new InputError(`${path}: cannot be read (${code})`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!isStatistics(value)) {
    throw new InputError(
      `${path}: a JSON file but not mlci statistics (expected "format": "mlci-statistics", as validate-data writes)`
    );
  }
  return value;
}
async function readSchema(path) {
  return parseSchema(await readInput(path, "schema", "utf8"), path);
}
function columnNames(source) {
  return source.columns.map((c) => c.name);
}
async function loadInputs(engine, options, referencePath, storedReference, lap) {
  const progress = options.progress ?? silentProgress;
  const sourceOptions = { format: options.config?.format, delimiter: options.config?.delimiter };
  const started = Date.now();
  const rawReference = referencePath && !storedReference ? referencePath : void 0;
  progress.start(`reading ${options.data}${rawReference ? ` and reference ${rawReference}` : ""}`);
  const referenceLoad = rawReference ? engine.connect().then((c) => loadSource(c, rawReference, "mlci_reference", sourceOptions)).then((source) => ({ source, ms: Date.now() - started })) : void 0;
  referenceLoad?.catch(() => void 0);
  const current = await loadSource(engine.db, options.data, "mlci_current", sourceOptions, {
    rowHash: true
  }).catch(async (error) => {
    await referenceLoad?.catch(() => void 0);
    throw error;
  });
  lap("read_current");
  let reference;
  if (storedReference) reference = { kind: "statistics", statistics: storedReference, path: referencePath };
  else if (referenceLoad) {
    const { source, ms } = await referenceLoad;
    reference = { kind: "table", source };
    lap("read_reference");
    lap("read_reference_total", ms);
  }
  const label = labelIn(options.data, columnNames(current), options.label, options.labelOptional);
  progress.finish(
    `${current.rows.toLocaleString("en-US")} rows × ${current.columns.length} columns` + (reference?.kind === "table" ? `; reference ${reference.source.rows.toLocaleString("en-US")} rows` : "")
  );
  const train = options.train ? await loadSource(engine.db, options.train, "mlci_train", sourceOptions) : void 0;
  return { current, reference, train, label };
}
async function writeOutputs(out, stats, report, markdown, referenceStats, referencePath) {
  await writeJsonAtomic(join(out, "statistics.json"), stats);
  await writeJsonAtomic(join(out, "validation.json"), report);
  await writeFileAtomic(join(out, "validation.md"), markdown);
  const files = [join(out, "validation.json"), join(out, "statistics.json"), join(out, "validation.md")];
  const besideReference = join(out, "reference-statistics.json");
  if (!referenceStats) await rm(besideReference, { force: true });
  else {
    if (!await sameFile(besideReference, referencePath))
      await writeJsonAtomic(besideReference, referenceStats);
    files.push(besideReference);
  }
  return files;
}
async function sameFile(path, other) {
  if (other === void 0) return false;
  const real = (p) => realpath(p).catch(() => resolve(p));
  return await real(path) === await real(other);
}
async function validateData(options) {
  const progress = options.progress ?? silentProgress;
  const config = options.config;
  const timings = {};
  let mark = Date.now();
  const lap = (name, ms) => {
    if (ms !== void 0) return void (timings[name] = ms);
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const referencePath = options.reference;
  const storedReference = referencePath ? await readReference(referencePath) : void 0;
  const schema = options.schema ? await readSchema(options.schema) : void 0;
  const engine = await openEngine({
    memoryLimit: options.memoryLimit,
    sourcesReadTogether: referencePath && !storedReference ? 2 : 1
  });
  try {
    const { current, reference, train, label } = await loadInputs(
      engine,
      options,
      referencePath,
      storedReference,
      lap
    );
    progress.start("profiling and comparing columns");
    const { report, statistics, referenceStatistics, exitCode } = await checkData(
      engine,
      {
        current,
        dataPath: options.data,
        reference,
        referencePath,
        train,
        schema,
        schemaPath: options.schema,
        label,
        task: options.task,
        config
      },
      timings
    );
    progress.finish();
    const markdown = renderMarkdown(report, referenceStatistics ?? storedReference);
    const files = options.out ? await writeOutputs(
      options.out,
      statistics,
      report,
      markdown,
      referenceStatistics ?? storedReference,
      referencePath
    ) : [];
    return { report, statistics, markdown, exitCode, files };
  } finally {
    engine.close();
  }
}
async function profileData(options) {
  return profiled(options, async (_engine, _current, stats) => {
    if (options.out) await writeJsonAtomic(options.out, stats);
    return stats;
  });
}
async function profiled(options, use) {
  const engine = await openEngine({ memoryLimit: options.memoryLimit });
  try {
    const current = await loadSource(
      engine.db,
      options.data,
      "mlci_current",
      { format: options.config?.format, delimiter: options.config?.delimiter },
      { rowHash: true }
    );
    const label = labelIn(options.data, columnNames(current), options.label);
    const { current: stats } = await analyse(engine, current, void 0, { label });
    return await use(engine, current, stats);
  } finally {
    engine.close();
  }
}
async function inferSchemaFile(options) {
  const { inferSchema } = await import("./schema-infer-4JMVEDBS.js");
  return profiled(options, async (engine, current, stats) => {
    const schema = await inferSchema(engine.db, current, stats, { ranges: options.ranges });
    if (options.out) await writeJsonAtomic(options.out, schema);
    return schema;
  });
}

export {
  validateData,
  profileData,
  inferSchemaFile
};
