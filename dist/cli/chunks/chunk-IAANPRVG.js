#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  expandSource,
  inspectFile,
  kindOf,
  readError,
  readExpression
} from "./chunk-DHMGFAB5.js";
import {
  connection,
  detectFormat,
  sqlIdent
} from "./chunk-P3R7FQZ6.js";
import {
  InputError
} from "./chunk-SIJBQNRD.js";

// src/data/columns.ts
async function loadColumns(path, columns, options = {}) {
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  let dialect;
  for (const file of files) dialect ??= await inspectFile(file, format, options);
  const from = readExpression(files, format, dialect, false);
  let described;
  try {
    described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  } catch (error) {
    throw readError(path, error);
  }
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${path}: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} (has: ${[...types.keys()].join(", ")})`
    );
  }
  const isNumeric = columns.map((c) => kindOf(types.get(c) ?? "") === "numeric");
  const select = columns.map((c, i) => isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`).join(", ");
  let result;
  try {
    result = await db.stream(`SELECT ${select} FROM ${from}`);
  } catch (error) {
    throw readError(path, error);
  }
  const numericParts = columns.map(() => []);
  const textOut = columns.map(() => []);
  let rowCount = 0;
  for (; ; ) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (error) {
      throw readError(path, error);
    }
    if (!chunk || chunk.rowCount === 0) break;
    rowCount += chunk.rowCount;
    for (let i = 0; i < columns.length; i++) {
      const values = chunk.getColumnValues(i);
      if (isNumeric[i]) numericParts[i].push(values);
      else for (const v of values) textOut[i].push(v === null ? null : String(v));
    }
  }
  const numeric = {};
  const text = {};
  columns.forEach((c, i) => {
    if (isNumeric[i]) {
      const out = new Float64Array(rowCount);
      let offset = 0;
      for (const part of numericParts[i]) {
        for (let j = 0; j < part.length; j++) out[offset + j] = part[j] ?? NaN;
        offset += part.length;
      }
      numeric[c] = out;
    } else {
      text[c] = textOut[i];
    }
  });
  return { rowCount, numeric, text };
}

export {
  loadColumns
};
