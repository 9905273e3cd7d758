import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  run
} from "../../chunks/chunk-MCQBWUF6.js";
import "../../chunks/chunk-KJGDFFII.js";
import "../../chunks/chunk-C4QX7EU4.js";
import "../../chunks/chunk-5A63I7UW.js";
import "../../chunks/chunk-6AWGVSZV.js";
import "../../chunks/chunk-MTUBZ2TB.js";
import "../../chunks/chunk-H37KYKCP.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-5SACKB5O.js";
import "../../chunks/chunk-QMIQ4DPQ.js";
import "../../chunks/chunk-FU7F3K7D.js";
import "../../chunks/chunk-N3GLJ5J5.js";
import "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/evaluate-vs-baseline/index.ts
void run();
