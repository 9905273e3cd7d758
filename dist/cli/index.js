#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildProgram,
  reportFailure
} from "../chunks/chunk-ASOLQKIN.js";
import "../chunks/chunk-HERSYEC6.js";
import "../chunks/chunk-AYR6ABZT.js";
import "../chunks/chunk-X6AQ5GPO.js";
import "../chunks/chunk-3U3CFE5T.js";
import "../chunks/chunk-OX2YEAMM.js";
import "../chunks/chunk-HWRM5IOQ.js";
import "../chunks/chunk-XF6WS2KO.js";
import "../chunks/chunk-HD4PHYYH.js";
import "../chunks/chunk-H37KYKCP.js";
import "../chunks/chunk-U7QWIZPG.js";
import "../chunks/chunk-5SACKB5O.js";
import "../chunks/chunk-QMIQ4DPQ.js";
import "../chunks/chunk-HRKM2MUG.js";
import "../chunks/chunk-3CG65SHH.js";

// src/cli/index.ts
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
buildProgram().parseAsync(process.argv).catch(reportFailure);
