import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatSigned,
  formatValue
} from "./chunk-ANVENSJ6.js";
import {
  higherIsBetter
} from "./chunk-RDRUDDB3.js";

// src/gate/gates.ts
var GATE_KINDS = ["min", "max", "max_drop", "max_rise", "min_relative_change"];
var CHANGE_KINDS = /* @__PURE__ */ new Set(["max_drop", "max_rise", "min_relative_change"]);
function isChangeGate(kind) {
  return CHANGE_KINDS.has(kind);
}
var TOLERANCE = 1e-12;
function applyGates(specs, input) {
  const results = [];
  for (const [metric, spec] of Object.entries(specs)) {
    for (const kind of GATE_KINDS) {
      const threshold = spec[kind];
      if (threshold === void 0) continue;
      results.push(applyOne(metric, kind, threshold, input));
    }
  }
  return results;
}
function side(s, metric) {
  if (!(metric in s.values)) return { value: null, missing: "is not computed" };
  const value = s.values[metric];
  if (value === null || !Number.isFinite(value))
    return { value: null, missing: `is undefined (${s.reasons?.[metric] ?? "no value"})` };
  return { value, missing: null };
}
var fmt = (x) => formatValue(x);
function moved(change) {
  if (change === 0) return "did not change";
  return `${change > 0 ? "rose" : "fell"} by ${fmt(Math.abs(change))}`;
}
function applyOne(metric, kind, threshold, input) {
  const base = { metric, kind, threshold, ...input.slice ? { slice: input.slice } : {} };
  const c = side(input.candidate, metric);
  const b = input.baseline ? side(input.baseline, metric) : null;
  const result = (status, observed, reason) => ({
    ...base,
    status,
    candidate: c.value,
    baseline: b?.value ?? null,
    observed,
    reason
  });
  if (c.value === null)
    return result("fail", null, `${metric} ${c.missing} on the candidate, so the gate cannot pass`);
  const cv = c.value;
  if (kind === "min") {
    return result(
      cv + TOLERANCE >= threshold ? "pass" : "fail",
      cv,
      `${metric} = ${fmt(cv)}, must be ≥ ${fmt(threshold)}`
    );
  }
  if (kind === "max") {
    return result(
      cv - TOLERANCE <= threshold ? "pass" : "fail",
      cv,
      `${metric} = ${fmt(cv)}, must be ≤ ${fmt(threshold)}`
    );
  }
  if (!b) return result("skipped", null, "no baseline (first run): change gates are skipped");
  if (b.value === null)
    return result("fail", null, `${metric} ${b.missing} on the baseline, so the change cannot be measured`);
  const bv = b.value;
  const higher = higherIsBetter(metric);
  if (kind === "max_drop") {
    const drop = bv - cv;
    const note = higher ? "" : ` (a fall of ${metric} is an improvement)`;
    return result(
      drop - TOLERANCE <= threshold ? "pass" : "fail",
      drop,
      `${moved(cv - bv)}, a fall of at most ${fmt(threshold)} allowed${note}`
    );
  }
  if (kind === "max_rise") {
    const rise = cv - bv;
    const note = higher ? ` (a rise of ${metric} is an improvement)` : "";
    return result(
      rise - TOLERANCE <= threshold ? "pass" : "fail",
      rise,
      `${moved(rise)}, a rise of at most ${fmt(threshold)} allowed${note}`
    );
  }
  const improvement = higher ? cv - bv : bv - cv;
  const relative = bv !== 0 ? improvement / Math.abs(bv) : improvement === 0 ? 0 : improvement > 0 ? Infinity : -Infinity;
  const way = higher ? "(candidate − baseline) / |baseline|" : "(baseline − candidate) / |baseline|, lower is better";
  return result(
    relative + TOLERANCE >= threshold ? "pass" : "fail",
    Number.isFinite(relative) ? relative : null,
    `relative improvement ${formatSigned(relative)} ${way}, must be ≥ ${fmt(threshold)}`
  );
}
function decideVerdict(results, hasBaseline) {
  const failed = results.filter((r) => r.status === "fail");
  const passed = results.filter((r) => r.status === "pass").length;
  const skipped = results.filter((r) => r.status === "skipped").length;
  if (failed.length > 0) {
    const names = [
      ...new Set(failed.map((f) => f.slice ? `${f.metric} [${f.slice.column}=${f.slice.value}]` : f.metric))
    ];
    return {
      verdict: "fail",
      rubber_stamp: false,
      summary: `fail: ${failed.length} of ${results.length} gate${results.length === 1 ? "" : "s"} failed (${names.join(", ")})`
    };
  }
  if (!hasBaseline) {
    return {
      verdict: "pass",
      rubber_stamp: true,
      summary: `pass (rubber stamp): no baseline model to compare with, so this first run is accepted` + (skipped > 0 ? `; ${skipped} change gate${skipped === 1 ? " was" : "s were"} skipped` : "") + (passed > 0 ? `; ${passed} value gate${passed === 1 ? "" : "s"} passed` : "")
    };
  }
  return {
    verdict: "pass",
    rubber_stamp: false,
    summary: results.length === 0 ? "pass: no gates configured" : `pass: all ${results.length} gate${results.length === 1 ? "" : "s"} passed`
  };
}

export {
  GATE_KINDS,
  isChangeGate,
  applyGates,
  decideVerdict
};
