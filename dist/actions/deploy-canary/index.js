import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  run
} from "../../chunks/chunk-AUTAVK6Y.js";
import "../../chunks/chunk-QI3MNLOO.js";
import "../../chunks/chunk-CEV6BIOB.js";
import "../../chunks/chunk-7RNPNCAU.js";
import "../../chunks/chunk-RC2F6T7V.js";
import "../../chunks/chunk-D4WWN4FX.js";
import "../../chunks/chunk-Y2PMVUEP.js";
import "../../chunks/chunk-AYR6ABZT.js";
import "../../chunks/chunk-X6AQ5GPO.js";
import "../../chunks/chunk-OX2YEAMM.js";
import "../../chunks/chunk-HWRM5IOQ.js";
import "../../chunks/chunk-XF6WS2KO.js";
import "../../chunks/chunk-HD4PHYYH.js";
import "../../chunks/chunk-H37KYKCP.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-5SACKB5O.js";
import "../../chunks/chunk-QMIQ4DPQ.js";
import "../../chunks/chunk-FU7F3K7D.js";
import "../../chunks/chunk-N3GLJ5J5.js";
import "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/deploy-canary/index.ts
void run();
