import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_LOCAL_REGISTRY
} from "./chunk-ALJEQPYT.js";
import {
  checkSteps,
  gateMetricProblem
} from "./chunk-USV7Y6Q5.js";
import {
  closest
} from "./chunk-J2XJ3L6O.js";
import {
  require_ucs2length
} from "./chunk-4N7NCSDY.js";
import {
  require_dist
} from "./chunk-U7QWIZPG.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import {
  __commonJS,
  __toESM
} from "./chunk-3CG65SHH.js";

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate2, compare) {
      return { validate: validate2, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// src/config/default-file.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var DEFAULT_CONFIG_FILES = ["mlci.yml", "mlci.yaml"];
function existingDefaultConfigs(dir = ".") {
  return DEFAULT_CONFIG_FILES.map((name) => dir === "." ? name : join(dir, name)).filter(
    (path) => existsSync(path)
  );
}
function configFileOr(named, dir = ".") {
  return named ? named : findDefaultConfig(dir);
}
function findDefaultConfig(dir = ".") {
  const found = existingDefaultConfigs(dir);
  if (found.length > 1) {
    throw new InputError(`${found.join(" and ")} both exist: keep one (mlci reads either, not both)`);
  }
  return found[0] ?? (dir === "." ? DEFAULT_CONFIG_FILES[0] : join(dir, DEFAULT_CONFIG_FILES[0]));
}

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2 } from "node:fs";
import { open } from "node:fs/promises";
import { dirname } from "node:path";

// src/config/errors.ts
var ConfigError = class extends InputError {
};

// src/config/limits.ts
var MAX_CONFIG_BYTES = 256 * 1024;
var MAX_CONFIG_NESTING = 64;
var MAX_ALIAS_COUNT = 100;
function checkConfigText(text, source) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_BYTES) throw tooBig(source, bytes);
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    throw new ConfigError(
      `${source}:${lineOf(text, nul)}: contains a NUL byte: a binary file, not YAML text`
    );
  }
  checkNesting(text, source);
}
function tooBig(source, bytes) {
  return new ConfigError(
    `${source}: ${bytes} bytes, more than the ${MAX_CONFIG_BYTES} bytes (256 KiB) an mlci.yml may have`
  );
}
function checkNesting(text, source) {
  let flow = 0;
  let line = 1;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      line++;
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart) {
      if (c === " ") block += 0.5;
      else if (c === "-" && (text[i + 1] === " " || text[i + 1] === "	")) block += 1;
      else if (c !== "	") lineStart = false;
    }
    if (c === "[" || c === "{") flow++;
    else if ((c === "]" || c === "}") && flow > 0) flow--;
    if (flow + Math.floor(block) > MAX_CONFIG_NESTING) {
      throw new ConfigError(
        `${source}:${line}: nested more than ${MAX_CONFIG_NESTING} levels deep; an mlci.yml needs a handful`
      );
    }
  }
}
function lineOf(text, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// src/config/paths.ts
import { isAbsolute, resolve } from "node:path";
var CONFIG_PATH_FIELDS = [
  ["data", "train"],
  ["data", "eval"],
  ["data", "reference"],
  ["data", "schema"],
  ["train", "model"],
  ["train", "params"],
  ["train", "workdir"],
  ["train", "metrics"],
  ["train", "sources"],
  ["evaluate", "data"],
  ["evaluate", "baseline"],
  ["register", "registry"],
  ["deploy", "replay"],
  ["monitor", "log"],
  ["monitor", "data"],
  ["monitor", "labels"]
];
var NOT_PATHS = /* @__PURE__ */ new Set(["github"]);
function resolveConfigPaths(config, configDir) {
  const base = resolve(configDir);
  if (config.register?.registry === void 0)
    config = { ...config, register: { ...config.register, registry: DEFAULT_LOCAL_REGISTRY } };
  const at = (path) => NOT_PATHS.has(path) || isAbsolute(path) ? path : resolve(base, path);
  const copy = structuredClone(config);
  for (const [section, key] of CONFIG_PATH_FIELDS) {
    const holder = copy[section];
    const value = holder?.[key];
    if (typeof value === "string") holder[key] = at(value);
    else if (Array.isArray(value)) holder[key] = value.map((v) => typeof v === "string" ? at(v) : v);
  }
  return copy;
}

// src/config/validate.generated.js
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var validate = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mlci.dev/schema/mlci.schema.json", "title": "mlci.yml", "description": "Configuration of an mlci pipeline: validate-data → train → evaluate → register → deploy-canary.", "type": "object", "additionalProperties": false, "required": ["version", "model"], "properties": { "version": { "const": 1, "description": "Version of this file format. Always 1." }, "model": { "type": "object", "description": "The model this pipeline builds.", "additionalProperties": false, "required": ["name", "task"], "properties": { "name": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "description": "Registry name of the model (letters, digits, . _ -)." }, "task": { "type": "string", "enum": ["binary", "multiclass", "regression"], "description": "The learning task: decides the metrics and how model outputs are read." }, "label": { "type": "string", "minLength": 1, "description": "Name of the label column." }, "features": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Column order of a model with one 2-D float input (else the model metadata feature_names)." }, "threshold": { "type": "number", "minimum": 0, "maximum": 1, "description": "Binary decision threshold: positive when p(positive class: 1, else the greater label) > threshold (default: argmax)." } } }, "data": { "type": "object", "description": "Data files and the checks validate-data runs on them.", "additionalProperties": false, "properties": { "train": { "type": "string", "description": "Training data: a file or a glob of shards (CSV, JSON Lines, Parquet)." }, "eval": { "type": "string", "description": "Evaluation (test) data." }, "reference": { "type": "string", "description": "Reference for drift: a data file or a statistics.json." }, "schema": { "type": "string", "description": "A schema.json written by `mlci schema infer`." }, "format": { "type": "string", "enum": ["auto", "csv", "jsonl", "parquet"], "default": "auto", "description": "File format; auto picks it from the extension." }, "delimiter": { "type": "string", "minLength": 1, "maxLength": 1, "description": "CSV delimiter (sniffed when absent)." }, "min_rows": { "type": "integer", "minimum": 0, "description": "Fewer rows is the too_few_rows anomaly." }, "max_duplicate_share": { "type": "number", "minimum": 0, "maximum": 1, "description": "A larger share of duplicate rows is the duplicate_share anomaly." }, "max_overlap_share": { "type": "number", "minimum": 0, "maximum": 1, "default": 5e-3, "description": "A larger share of evaluation rows also in the training data (validate-data --train) makes train_test_overlap an error; at or below it, a warning. data.severity.train_test_overlap overrides both." }, "severity": { "type": "object", "description": "Severity per anomaly code: error blocks the pipeline, warning reports, off ignores.", "additionalProperties": false, "properties": { "missing_column": { "type": "string", "enum": ["error", "warning", "off"] }, "new_column": { "type": "string", "enum": ["error", "warning", "off"] }, "type_mismatch": { "type": "string", "enum": ["error", "warning", "off"] }, "out_of_domain": { "type": "string", "enum": ["error", "warning", "off"] }, "out_of_range": { "type": "string", "enum": ["error", "warning", "off"] }, "unexpected_nulls": { "type": "string", "enum": ["error", "warning", "off"] }, "nan_values": { "type": "string", "enum": ["error", "warning", "off"] }, "inf_values": { "type": "string", "enum": ["error", "warning", "off"] }, "too_few_rows": { "type": "string", "enum": ["error", "warning", "off"] }, "duplicate_share": { "type": "string", "enum": ["error", "warning", "off"] }, "train_test_overlap": { "type": "string", "enum": ["error", "warning", "off"] }, "drift": { "type": "string", "enum": ["error", "warning", "off"] } } }, "drift": { "type": "object", "additionalProperties": false, "properties": { "share": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.5, "description": "Dataset drift when at least this share of the tested columns drift (docs/drift.md)." }, "blocking": { "type": "boolean", "default": false, "description": "Dataset drift fails the stage." }, "ignore": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Columns left out of drift detection." } } }, "columns": { "type": "object", "description": "Per-column overrides.", "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "drift_test": { "type": "string", "enum": ["ks", "chi2", "z", "wasserstein", "jensen_shannon", "psi"], "description": "Statistical test; the default is chosen per column type and reference size as Evidently does (table, thresholds and examples: docs/drift.md)." }, "drift_threshold": { "type": "number", "minimum": 0, "description": "Threshold of the column's drift test (default per test: docs/drift.md)." }, "severity": { "type": "object", "description": "Severity per anomaly code: error blocks the pipeline, warning reports, off ignores.", "additionalProperties": false, "properties": { "missing_column": { "type": "string", "enum": ["error", "warning", "off"] }, "new_column": { "type": "string", "enum": ["error", "warning", "off"] }, "type_mismatch": { "type": "string", "enum": ["error", "warning", "off"] }, "out_of_domain": { "type": "string", "enum": ["error", "warning", "off"] }, "out_of_range": { "type": "string", "enum": ["error", "warning", "off"] }, "unexpected_nulls": { "type": "string", "enum": ["error", "warning", "off"] }, "nan_values": { "type": "string", "enum": ["error", "warning", "off"] }, "inf_values": { "type": "string", "enum": ["error", "warning", "off"] }, "too_few_rows": { "type": "string", "enum": ["error", "warning", "off"] }, "duplicate_share": { "type": "string", "enum": ["error", "warning", "off"] }, "train_test_overlap": { "type": "string", "enum": ["error", "warning", "off"] }, "drift": { "type": "string", "enum": ["error", "warning", "off"] } } } } } } } }, "train": { "type": "object", "additionalProperties": false, "required": ["command"], "properties": { "command": { "type": "string", "minLength": 1, "description": "The training command, run with bash." }, "model": { "type": "string", "default": "model.onnx", "description": "Path of the ONNX model the command writes." }, "params": { "type": "string", "description": "Params file (YAML or JSON) passed to the command." }, "set": { "type": "object", "description": "Param overrides (as `--set key=value`).", "additionalProperties": { "type": ["string", "number", "boolean"] } }, "seed": { "type": "integer", "minimum": 0, "default": 42 }, "workdir": { "type": "string" }, "timeout": { "description": 'A duration: seconds as a number, or a string such as "90s", "5m", "2h".', "anyOf": [{ "type": "number", "exclusiveMinimum": 0 }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" }] }, "sources": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Globs of the training sources (part of the cache key)." }, "metrics": { "type": "string", "description": 'JSON Lines file of {"step", "loss"} the command appends to.' }, "cache": { "type": "boolean", "default": true }, "tolerance": { "type": "number", "minimum": 0, "default": 1e-6, "description": "Largest prediction difference `mlci train --check-reproducible` accepts when model bytes differ." }, "checks": { "type": "object", "additionalProperties": false, "properties": { "loss_decreases": { "description": "Mean loss over the last window of reported steps must be below the mean over the first window.", "default": true, "anyOf": [{ "type": "boolean" }, { "type": "object", "additionalProperties": false, "properties": { "window": { "type": "number", "exclusiveMinimum": 0, "maximum": 0.5, "default": 0.2, "description": "Window as a fraction of the steps." }, "min_decrease": { "type": "number", "minimum": 0, "default": 0, "description": "Smallest relative fall, e.g. 0.1 for 10 %." } } }] }, "finite_metrics": { "type": "boolean", "default": true }, "signature": { "type": "boolean", "default": true } } } } }, "evaluate": { "type": "object", "additionalProperties": false, "properties": { "data": { "type": "string", "description": "Evaluation data (defaults to data.eval)." }, "baseline": { "type": "string", "description": "Explicit baseline model file (else the production alias)." }, "slices": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Columns whose values define slices." }, "min_slice_size": { "type": "integer", "minimum": 1, "default": 30 }, "batch_size": { "type": "integer", "minimum": 1, "default": 8192 }, "bootstrap": { "type": "object", "additionalProperties": false, "properties": { "resamples": { "type": "integer", "minimum": 0, "default": 1e3 }, "seed": { "type": "integer", "minimum": 0, "default": 0 }, "confidence": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 0.95 } } }, "gates": { "type": "object", "description": "Gates by metric name (scikit-learn names: roc_auc, f1, rmse, …).", "additionalProperties": { "type": "object", "description": "Thresholds for one metric. Change gates compare with the baseline (production) model.", "additionalProperties": false, "minProperties": 1, "properties": { "min": { "type": "number", "description": "The candidate value must be at least this." }, "max": { "type": "number", "description": "The candidate value must be at most this." }, "max_drop": { "type": "number", "minimum": 0, "description": "Largest allowed fall (baseline − candidate)." }, "max_rise": { "type": "number", "minimum": 0, "description": "Largest allowed rise (candidate − baseline)." }, "min_relative_change": { "type": "number", "description": "Smallest allowed (candidate − baseline) / |baseline|, e.g. -0.02 allows a 2 % fall." } } }, "propertyNames": { "pattern": "^[a-z][a-z0-9_]*$" } }, "slice_gates": { "type": "object", "description": "Gates applied within each slice of a column.", "additionalProperties": { "type": "object", "description": "Gates by metric name (scikit-learn names: roc_auc, f1, rmse, …).", "additionalProperties": { "type": "object", "description": "Thresholds for one metric. Change gates compare with the baseline (production) model.", "additionalProperties": false, "minProperties": 1, "properties": { "min": { "type": "number", "description": "The candidate value must be at least this." }, "max": { "type": "number", "description": "The candidate value must be at most this." }, "max_drop": { "type": "number", "minimum": 0, "description": "Largest allowed fall (baseline − candidate)." }, "max_rise": { "type": "number", "minimum": 0, "description": "Largest allowed rise (candidate − baseline)." }, "min_relative_change": { "type": "number", "description": "Smallest allowed (candidate − baseline) / |baseline|, e.g. -0.02 allows a 2 % fall." } } }, "propertyNames": { "pattern": "^[a-z][a-z0-9_]*$" } } } } }, "register": { "type": "object", "additionalProperties": false, "properties": { "registry": { "type": "string", "description": '"github", or a directory (default .mlci/registry).' }, "aliases": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Aliases moved to each new version (e.g. staging)." }, "allow_failed": { "type": "boolean", "default": false, "description": "Register even when the gate failed." } } }, "deploy": { "type": "object", "additionalProperties": false, "properties": { "target": { "type": "string", "enum": ["local", "server", "kserve"], "default": "local" }, "server": { "type": "string", "format": "uri", "description": "URL of a running mlci server (target server)." }, "steps": { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 100 }, "minItems": 1, "default": [10, 50, 100], "description": "Canary traffic percentages, increasing." }, "interval": { "description": "Analysis interval per step. Default: long enough for the canary to answer min_requests at the replay rate (or the rate of production traffic measured before the first step).", "anyOf": [{ "type": "number", "exclusiveMinimum": 0 }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" }] }, "failure_limit": { "type": "integer", "minimum": 0, "default": 1, "description": "Consecutive failed analyses tolerated before rolling back (a failed analysis is retried at the same step)." }, "replay": { "type": "string", "description": "Request file replayed at each step (e.g. the test set)." }, "rate": { "type": "number", "exclusiveMinimum": 0, "description": "Replay rate in requests per second." }, "analysis": { "type": "object", "additionalProperties": false, "description": "Canary analysis: each metric fails only when a one-sided test is significant at alpha and the effect passes its limit (docs/serving.md).", "properties": { "alpha": { "type": "number", "exclusiveMinimum": 0, "maximum": 0.5, "default": 0.01, "description": "Significance level of each test: the chance that one analysis of a candidate as good as stable fails." }, "max_error_rate": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.01, "description": "Largest excess of the canary's error rate over stable's (Fisher's exact test)." }, "max_p99_ratio": { "type": "number", "exclusiveMinimum": 0, "default": 1.5, "description": "Limit on the canary's p99 (stable p99 + the shift of the median) as a multiple of stable p99 (Mann–Whitney U test)." }, "p99_slack_ms": { "type": "number", "minimum": 0, "default": 5, "description": "The p99 limit is at least stable p99 + this many ms." }, "max_divergence": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.1, "description": "Largest prediction change: paired (shadow) mean |change of the score|, else Kolmogorov–Smirnov distance." }, "min_requests": { "type": "integer", "minimum": 0, "default": 150, "description": "Canary requests an analysis needs before the error and divergence tests can pass." } } }, "kserve": { "type": "object", "additionalProperties": false, "properties": { "namespace": { "type": "string" }, "storage_uri": { "type": "string" }, "runtime": { "type": "string" }, "onnxruntime": { "type": "string", "pattern": "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "description": "ONNX Runtime version of the serving runtime image (e.g. 1.16.3): the candidate is checked against it before the first apply." } } }, "load_test": { "type": "object", "additionalProperties": false, "description": "Load test run before the first canary traffic step (and by `mlci loadtest`): candidate and stable driven open-loop at the same rate, gated on objectives; requests are the rows of deploy.replay, else of the evaluation data (docs/loadtest.md).", "properties": { "rate": { "type": "number", "exclusiveMinimum": 0, "description": "Target rate in requests per second (default: the production server's observed rate × headroom)." }, "headroom": { "type": "number", "minimum": 1, "default": 2, "description": "Multiplier of the production server's observed rate when no rate is set." }, "duration": { "description": 'A duration: seconds as a number, or a string such as "90s", "5m", "2h".', "anyOf": [{ "type": "number", "exclusiveMinimum": 0 }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" }], "default": 10 }, "ramp": { "type": "array", "items": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1 }, "default": [0.25, 0.5], "description": "Fractions of the target rate measured first (shorter), for the latency-vs-rate chart." }, "objectives": { "type": "object", "additionalProperties": false, "properties": { "max_p99_ms": { "type": "number", "exclusiveMinimum": 0, "description": "Candidate's p99 latency limit in ms." }, "min_rps": { "type": "number", "exclusiveMinimum": 0, "description": "Achieved rate the candidate must sustain." }, "max_error_rate": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.01 }, "max_p99_ratio_vs_stable": { "type": "number", "exclusiveMinimum": 0, "default": 1.5, "description": "Candidate p99 / stable p99 measured in the same run." }, "p99_slack_ms": { "type": "number", "minimum": 0, "default": 2, "description": "A p99 difference from stable below this many ms passes the ratio objective." } } } } } } }, "monitor": { "type": "object", "additionalProperties": false, "properties": { "log": { "type": "string", "description": "Prediction log written by mlci serve." }, "data": { "type": "string", "description": "A batch of production data (instead of the log)." }, "labels": { "type": "string", "description": "Delayed labels joined to predictions by id." }, "label": { "type": "string", "description": "Label column of the labels file or of the batch data (default: model.label)." }, "id_column": { "type": "string", "default": "request_id", "description": "Column of the labels file holding the request id of a logged prediction." }, "since": { "type": "string", "description": "Window of logged rows: a duration back from now (24h, 7d, 90m) or an ISO time." }, "min_rows": { "type": "integer", "minimum": 1, "default": 100, "description": "Fewer rows (or labelled rows) than this: verdict insufficient_data, nothing is triggered." }, "drift_share": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.5 }, "max_metric_drop": { "type": "object", "description": "Gates by metric name (scikit-learn names: roc_auc, f1, rmse, …).", "additionalProperties": { "type": "object", "description": "Thresholds for one metric. Change gates compare with the baseline (production) model.", "additionalProperties": false, "minProperties": 1, "properties": { "min": { "type": "number", "description": "The candidate value must be at least this." }, "max": { "type": "number", "description": "The candidate value must be at most this." }, "max_drop": { "type": "number", "minimum": 0, "description": "Largest allowed fall (baseline − candidate)." }, "max_rise": { "type": "number", "minimum": 0, "description": "Largest allowed rise (candidate − baseline)." }, "min_relative_change": { "type": "number", "description": "Smallest allowed (candidate − baseline) / |baseline|, e.g. -0.02 allows a 2 % fall." } } }, "propertyNames": { "pattern": "^[a-z][a-z0-9_]*$" } }, "trigger": { "type": "object", "additionalProperties": false, "properties": { "kind": { "type": "string", "enum": ["workflow_dispatch", "repository_dispatch", "none"] }, "workflow": { "type": "string", "description": "Workflow file of retraining (workflow_dispatch)." }, "ref": { "type": "string", "default": "main" }, "event_type": { "type": "string", "default": "mlci-retrain" } } } } } } };
var pattern4 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
var pattern5 = new RegExp("^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$", "u");
var pattern6 = new RegExp("^[a-z][a-z0-9_]*$", "u");
var pattern9 = new RegExp("^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "u");
var func1 = import_ucs2length.default.default;
var func3 = Object.prototype.hasOwnProperty;
var formats0 = import_formats.default.fullFormats.uri;
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.model === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property 'model'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "model" || key0 === "data" || key0 === "train" || key0 === "evaluate" || key0 === "register" || key0 === "deploy" || key0 === "monitor")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema31.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.model !== void 0) {
      let data1 = data.model;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.name === void 0) {
          const err4 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema31.properties.model.required, parentSchema: schema31.properties.model, data: data1 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (data1.task === void 0) {
          const err5 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/required", keyword: "required", params: { missingProperty: "task" }, message: "must have required property 'task'", schema: schema31.properties.model.required, parentSchema: schema31.properties.model, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "name" || key1 === "task" || key1 === "label" || key1 === "features" || key1 === "threshold")) {
            const err6 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.model, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1.name !== void 0) {
          let data2 = data1.name;
          if (typeof data2 === "string") {
            if (!pattern4.test(data2)) {
              const err7 = { instancePath: instancePath + "/model/name", schemaPath: "#/properties/model/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", parentSchema: schema31.properties.model.properties.name, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/model/name", schemaPath: "#/properties/model/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.model.properties.name.type, parentSchema: schema31.properties.model.properties.name, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data1.task !== void 0) {
          let data3 = data1.task;
          if (typeof data3 !== "string") {
            const err9 = { instancePath: instancePath + "/model/task", schemaPath: "#/properties/model/properties/task/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.model.properties.task.type, parentSchema: schema31.properties.model.properties.task, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          if (!(data3 === "binary" || data3 === "multiclass" || data3 === "regression")) {
            const err10 = { instancePath: instancePath + "/model/task", schemaPath: "#/properties/model/properties/task/enum", keyword: "enum", params: { allowedValues: schema31.properties.model.properties.task.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.model.properties.task.enum, parentSchema: schema31.properties.model.properties.task, data: data3 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.label !== void 0) {
          let data4 = data1.label;
          if (typeof data4 === "string") {
            if (func1(data4) < 1) {
              const err11 = { instancePath: instancePath + "/model/label", schemaPath: "#/properties/model/properties/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.model.properties.label, data: data4 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/model/label", schemaPath: "#/properties/model/properties/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.model.properties.label.type, parentSchema: schema31.properties.model.properties.label, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data1.features !== void 0) {
          let data5 = data1.features;
          if (Array.isArray(data5)) {
            const len0 = data5.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data6 = data5[i0];
              if (typeof data6 === "string") {
                if (func1(data6) < 1) {
                  const err13 = { instancePath: instancePath + "/model/features/" + i0, schemaPath: "#/properties/model/properties/features/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.model.properties.features.items, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/model/features/" + i0, schemaPath: "#/properties/model/properties/features/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.model.properties.features.items.type, parentSchema: schema31.properties.model.properties.features.items, data: data6 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
          } else {
            const err15 = { instancePath: instancePath + "/model/features", schemaPath: "#/properties/model/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.model.properties.features.type, parentSchema: schema31.properties.model.properties.features, data: data5 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data1.threshold !== void 0) {
          let data7 = data1.threshold;
          if (typeof data7 == "number") {
            if (data7 > 1 || isNaN(data7)) {
              const err16 = { instancePath: instancePath + "/model/threshold", schemaPath: "#/properties/model/properties/threshold/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.model.properties.threshold, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (data7 < 0 || isNaN(data7)) {
              const err17 = { instancePath: instancePath + "/model/threshold", schemaPath: "#/properties/model/properties/threshold/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.model.properties.threshold, data: data7 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/model/threshold", schemaPath: "#/properties/model/properties/threshold/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.model.properties.threshold.type, parentSchema: schema31.properties.model.properties.threshold, data: data7 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.model.type, parentSchema: schema31.properties.model, data: data1 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data8 = data.data;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key2 in data8) {
          if (!func3.call(schema31.properties.data.properties, key2)) {
            const err20 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.data, data: data8 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data8.train !== void 0) {
          let data9 = data8.train;
          if (typeof data9 !== "string") {
            const err21 = { instancePath: instancePath + "/data/train", schemaPath: "#/properties/data/properties/train/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.train.type, parentSchema: schema31.properties.data.properties.train, data: data9 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data8.eval !== void 0) {
          let data10 = data8.eval;
          if (typeof data10 !== "string") {
            const err22 = { instancePath: instancePath + "/data/eval", schemaPath: "#/properties/data/properties/eval/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.eval.type, parentSchema: schema31.properties.data.properties.eval, data: data10 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data8.reference !== void 0) {
          let data11 = data8.reference;
          if (typeof data11 !== "string") {
            const err23 = { instancePath: instancePath + "/data/reference", schemaPath: "#/properties/data/properties/reference/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.reference.type, parentSchema: schema31.properties.data.properties.reference, data: data11 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data8.schema !== void 0) {
          let data12 = data8.schema;
          if (typeof data12 !== "string") {
            const err24 = { instancePath: instancePath + "/data/schema", schemaPath: "#/properties/data/properties/schema/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.schema.type, parentSchema: schema31.properties.data.properties.schema, data: data12 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data8.format !== void 0) {
          let data13 = data8.format;
          if (typeof data13 !== "string") {
            const err25 = { instancePath: instancePath + "/data/format", schemaPath: "#/properties/data/properties/format/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.format.type, parentSchema: schema31.properties.data.properties.format, data: data13 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          if (!(data13 === "auto" || data13 === "csv" || data13 === "jsonl" || data13 === "parquet")) {
            const err26 = { instancePath: instancePath + "/data/format", schemaPath: "#/properties/data/properties/format/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.format.enum, parentSchema: schema31.properties.data.properties.format, data: data13 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data8.delimiter !== void 0) {
          let data14 = data8.delimiter;
          if (typeof data14 === "string") {
            if (func1(data14) > 1) {
              const err27 = { instancePath: instancePath + "/data/delimiter", schemaPath: "#/properties/data/properties/delimiter/maxLength", keyword: "maxLength", params: { limit: 1 }, message: "must NOT have more than 1 characters", schema: 1, parentSchema: schema31.properties.data.properties.delimiter, data: data14 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (func1(data14) < 1) {
              const err28 = { instancePath: instancePath + "/data/delimiter", schemaPath: "#/properties/data/properties/delimiter/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.data.properties.delimiter, data: data14 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          } else {
            const err29 = { instancePath: instancePath + "/data/delimiter", schemaPath: "#/properties/data/properties/delimiter/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.delimiter.type, parentSchema: schema31.properties.data.properties.delimiter, data: data14 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data8.min_rows !== void 0) {
          let data15 = data8.min_rows;
          if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)))) {
            const err30 = { instancePath: instancePath + "/data/min_rows", schemaPath: "#/properties/data/properties/min_rows/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.data.properties.min_rows.type, parentSchema: schema31.properties.data.properties.min_rows, data: data15 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
          if (typeof data15 == "number") {
            if (data15 < 0 || isNaN(data15)) {
              const err31 = { instancePath: instancePath + "/data/min_rows", schemaPath: "#/properties/data/properties/min_rows/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.data.properties.min_rows, data: data15 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
        }
        if (data8.max_duplicate_share !== void 0) {
          let data16 = data8.max_duplicate_share;
          if (typeof data16 == "number") {
            if (data16 > 1 || isNaN(data16)) {
              const err32 = { instancePath: instancePath + "/data/max_duplicate_share", schemaPath: "#/properties/data/properties/max_duplicate_share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.data.properties.max_duplicate_share, data: data16 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
            if (data16 < 0 || isNaN(data16)) {
              const err33 = { instancePath: instancePath + "/data/max_duplicate_share", schemaPath: "#/properties/data/properties/max_duplicate_share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.data.properties.max_duplicate_share, data: data16 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/data/max_duplicate_share", schemaPath: "#/properties/data/properties/max_duplicate_share/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.data.properties.max_duplicate_share.type, parentSchema: schema31.properties.data.properties.max_duplicate_share, data: data16 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data8.max_overlap_share !== void 0) {
          let data17 = data8.max_overlap_share;
          if (typeof data17 == "number") {
            if (data17 > 1 || isNaN(data17)) {
              const err35 = { instancePath: instancePath + "/data/max_overlap_share", schemaPath: "#/properties/data/properties/max_overlap_share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.data.properties.max_overlap_share, data: data17 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
            if (data17 < 0 || isNaN(data17)) {
              const err36 = { instancePath: instancePath + "/data/max_overlap_share", schemaPath: "#/properties/data/properties/max_overlap_share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.data.properties.max_overlap_share, data: data17 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
          } else {
            const err37 = { instancePath: instancePath + "/data/max_overlap_share", schemaPath: "#/properties/data/properties/max_overlap_share/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.data.properties.max_overlap_share.type, parentSchema: schema31.properties.data.properties.max_overlap_share, data: data17 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data8.severity !== void 0) {
          let data18 = data8.severity;
          if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            for (const key3 in data18) {
              if (!func3.call(schema31.properties.data.properties.severity.properties, key3)) {
                const err38 = { instancePath: instancePath + "/data/severity", schemaPath: "#/properties/data/properties/severity/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.data.properties.severity, data: data18 };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
            if (data18.missing_column !== void 0) {
              let data19 = data18.missing_column;
              if (typeof data19 !== "string") {
                const err39 = { instancePath: instancePath + "/data/severity/missing_column", schemaPath: "#/properties/data/properties/severity/properties/missing_column/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.missing_column.type, parentSchema: schema31.properties.data.properties.severity.properties.missing_column, data: data19 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              if (!(data19 === "error" || data19 === "warning" || data19 === "off")) {
                const err40 = { instancePath: instancePath + "/data/severity/missing_column", schemaPath: "#/properties/data/properties/severity/properties/missing_column/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.missing_column.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.missing_column.enum, parentSchema: schema31.properties.data.properties.severity.properties.missing_column, data: data19 };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
            }
            if (data18.new_column !== void 0) {
              let data20 = data18.new_column;
              if (typeof data20 !== "string") {
                const err41 = { instancePath: instancePath + "/data/severity/new_column", schemaPath: "#/properties/data/properties/severity/properties/new_column/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.new_column.type, parentSchema: schema31.properties.data.properties.severity.properties.new_column, data: data20 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
              if (!(data20 === "error" || data20 === "warning" || data20 === "off")) {
                const err42 = { instancePath: instancePath + "/data/severity/new_column", schemaPath: "#/properties/data/properties/severity/properties/new_column/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.new_column.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.new_column.enum, parentSchema: schema31.properties.data.properties.severity.properties.new_column, data: data20 };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
            if (data18.type_mismatch !== void 0) {
              let data21 = data18.type_mismatch;
              if (typeof data21 !== "string") {
                const err43 = { instancePath: instancePath + "/data/severity/type_mismatch", schemaPath: "#/properties/data/properties/severity/properties/type_mismatch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.type_mismatch.type, parentSchema: schema31.properties.data.properties.severity.properties.type_mismatch, data: data21 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              if (!(data21 === "error" || data21 === "warning" || data21 === "off")) {
                const err44 = { instancePath: instancePath + "/data/severity/type_mismatch", schemaPath: "#/properties/data/properties/severity/properties/type_mismatch/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.type_mismatch.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.type_mismatch.enum, parentSchema: schema31.properties.data.properties.severity.properties.type_mismatch, data: data21 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
            }
            if (data18.out_of_domain !== void 0) {
              let data22 = data18.out_of_domain;
              if (typeof data22 !== "string") {
                const err45 = { instancePath: instancePath + "/data/severity/out_of_domain", schemaPath: "#/properties/data/properties/severity/properties/out_of_domain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.out_of_domain.type, parentSchema: schema31.properties.data.properties.severity.properties.out_of_domain, data: data22 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
              if (!(data22 === "error" || data22 === "warning" || data22 === "off")) {
                const err46 = { instancePath: instancePath + "/data/severity/out_of_domain", schemaPath: "#/properties/data/properties/severity/properties/out_of_domain/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.out_of_domain.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.out_of_domain.enum, parentSchema: schema31.properties.data.properties.severity.properties.out_of_domain, data: data22 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
            if (data18.out_of_range !== void 0) {
              let data23 = data18.out_of_range;
              if (typeof data23 !== "string") {
                const err47 = { instancePath: instancePath + "/data/severity/out_of_range", schemaPath: "#/properties/data/properties/severity/properties/out_of_range/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.out_of_range.type, parentSchema: schema31.properties.data.properties.severity.properties.out_of_range, data: data23 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
              if (!(data23 === "error" || data23 === "warning" || data23 === "off")) {
                const err48 = { instancePath: instancePath + "/data/severity/out_of_range", schemaPath: "#/properties/data/properties/severity/properties/out_of_range/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.out_of_range.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.out_of_range.enum, parentSchema: schema31.properties.data.properties.severity.properties.out_of_range, data: data23 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data18.unexpected_nulls !== void 0) {
              let data24 = data18.unexpected_nulls;
              if (typeof data24 !== "string") {
                const err49 = { instancePath: instancePath + "/data/severity/unexpected_nulls", schemaPath: "#/properties/data/properties/severity/properties/unexpected_nulls/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.unexpected_nulls.type, parentSchema: schema31.properties.data.properties.severity.properties.unexpected_nulls, data: data24 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
              if (!(data24 === "error" || data24 === "warning" || data24 === "off")) {
                const err50 = { instancePath: instancePath + "/data/severity/unexpected_nulls", schemaPath: "#/properties/data/properties/severity/properties/unexpected_nulls/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.unexpected_nulls.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.unexpected_nulls.enum, parentSchema: schema31.properties.data.properties.severity.properties.unexpected_nulls, data: data24 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data18.nan_values !== void 0) {
              let data25 = data18.nan_values;
              if (typeof data25 !== "string") {
                const err51 = { instancePath: instancePath + "/data/severity/nan_values", schemaPath: "#/properties/data/properties/severity/properties/nan_values/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.nan_values.type, parentSchema: schema31.properties.data.properties.severity.properties.nan_values, data: data25 };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
              if (!(data25 === "error" || data25 === "warning" || data25 === "off")) {
                const err52 = { instancePath: instancePath + "/data/severity/nan_values", schemaPath: "#/properties/data/properties/severity/properties/nan_values/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.nan_values.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.nan_values.enum, parentSchema: schema31.properties.data.properties.severity.properties.nan_values, data: data25 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data18.inf_values !== void 0) {
              let data26 = data18.inf_values;
              if (typeof data26 !== "string") {
                const err53 = { instancePath: instancePath + "/data/severity/inf_values", schemaPath: "#/properties/data/properties/severity/properties/inf_values/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.inf_values.type, parentSchema: schema31.properties.data.properties.severity.properties.inf_values, data: data26 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
              if (!(data26 === "error" || data26 === "warning" || data26 === "off")) {
                const err54 = { instancePath: instancePath + "/data/severity/inf_values", schemaPath: "#/properties/data/properties/severity/properties/inf_values/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.inf_values.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.inf_values.enum, parentSchema: schema31.properties.data.properties.severity.properties.inf_values, data: data26 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            if (data18.too_few_rows !== void 0) {
              let data27 = data18.too_few_rows;
              if (typeof data27 !== "string") {
                const err55 = { instancePath: instancePath + "/data/severity/too_few_rows", schemaPath: "#/properties/data/properties/severity/properties/too_few_rows/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.too_few_rows.type, parentSchema: schema31.properties.data.properties.severity.properties.too_few_rows, data: data27 };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
              if (!(data27 === "error" || data27 === "warning" || data27 === "off")) {
                const err56 = { instancePath: instancePath + "/data/severity/too_few_rows", schemaPath: "#/properties/data/properties/severity/properties/too_few_rows/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.too_few_rows.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.too_few_rows.enum, parentSchema: schema31.properties.data.properties.severity.properties.too_few_rows, data: data27 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
            }
            if (data18.duplicate_share !== void 0) {
              let data28 = data18.duplicate_share;
              if (typeof data28 !== "string") {
                const err57 = { instancePath: instancePath + "/data/severity/duplicate_share", schemaPath: "#/properties/data/properties/severity/properties/duplicate_share/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.duplicate_share.type, parentSchema: schema31.properties.data.properties.severity.properties.duplicate_share, data: data28 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
              if (!(data28 === "error" || data28 === "warning" || data28 === "off")) {
                const err58 = { instancePath: instancePath + "/data/severity/duplicate_share", schemaPath: "#/properties/data/properties/severity/properties/duplicate_share/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.duplicate_share.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.duplicate_share.enum, parentSchema: schema31.properties.data.properties.severity.properties.duplicate_share, data: data28 };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
            }
            if (data18.train_test_overlap !== void 0) {
              let data29 = data18.train_test_overlap;
              if (typeof data29 !== "string") {
                const err59 = { instancePath: instancePath + "/data/severity/train_test_overlap", schemaPath: "#/properties/data/properties/severity/properties/train_test_overlap/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.train_test_overlap.type, parentSchema: schema31.properties.data.properties.severity.properties.train_test_overlap, data: data29 };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
              if (!(data29 === "error" || data29 === "warning" || data29 === "off")) {
                const err60 = { instancePath: instancePath + "/data/severity/train_test_overlap", schemaPath: "#/properties/data/properties/severity/properties/train_test_overlap/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.train_test_overlap.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.train_test_overlap.enum, parentSchema: schema31.properties.data.properties.severity.properties.train_test_overlap, data: data29 };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
            }
            if (data18.drift !== void 0) {
              let data30 = data18.drift;
              if (typeof data30 !== "string") {
                const err61 = { instancePath: instancePath + "/data/severity/drift", schemaPath: "#/properties/data/properties/severity/properties/drift/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.severity.properties.drift.type, parentSchema: schema31.properties.data.properties.severity.properties.drift, data: data30 };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
              if (!(data30 === "error" || data30 === "warning" || data30 === "off")) {
                const err62 = { instancePath: instancePath + "/data/severity/drift", schemaPath: "#/properties/data/properties/severity/properties/drift/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.severity.properties.drift.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.severity.properties.drift.enum, parentSchema: schema31.properties.data.properties.severity.properties.drift, data: data30 };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
            }
          } else {
            const err63 = { instancePath: instancePath + "/data/severity", schemaPath: "#/properties/data/properties/severity/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.data.properties.severity.type, parentSchema: schema31.properties.data.properties.severity, data: data18 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        if (data8.drift !== void 0) {
          let data31 = data8.drift;
          if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
            for (const key4 in data31) {
              if (!(key4 === "share" || key4 === "blocking" || key4 === "ignore")) {
                const err64 = { instancePath: instancePath + "/data/drift", schemaPath: "#/properties/data/properties/drift/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.data.properties.drift, data: data31 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data31.share !== void 0) {
              let data32 = data31.share;
              if (typeof data32 == "number") {
                if (data32 > 1 || isNaN(data32)) {
                  const err65 = { instancePath: instancePath + "/data/drift/share", schemaPath: "#/properties/data/properties/drift/properties/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.data.properties.drift.properties.share, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
                if (data32 < 0 || isNaN(data32)) {
                  const err66 = { instancePath: instancePath + "/data/drift/share", schemaPath: "#/properties/data/properties/drift/properties/share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.data.properties.drift.properties.share, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err66];
                  } else {
                    vErrors.push(err66);
                  }
                  errors++;
                }
              } else {
                const err67 = { instancePath: instancePath + "/data/drift/share", schemaPath: "#/properties/data/properties/drift/properties/share/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.data.properties.drift.properties.share.type, parentSchema: schema31.properties.data.properties.drift.properties.share, data: data32 };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
            }
            if (data31.blocking !== void 0) {
              let data33 = data31.blocking;
              if (typeof data33 !== "boolean") {
                const err68 = { instancePath: instancePath + "/data/drift/blocking", schemaPath: "#/properties/data/properties/drift/properties/blocking/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.data.properties.drift.properties.blocking.type, parentSchema: schema31.properties.data.properties.drift.properties.blocking, data: data33 };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
            if (data31.ignore !== void 0) {
              let data34 = data31.ignore;
              if (Array.isArray(data34)) {
                const len1 = data34.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data35 = data34[i1];
                  if (typeof data35 === "string") {
                    if (func1(data35) < 1) {
                      const err69 = { instancePath: instancePath + "/data/drift/ignore/" + i1, schemaPath: "#/properties/data/properties/drift/properties/ignore/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.data.properties.drift.properties.ignore.items, data: data35 };
                      if (vErrors === null) {
                        vErrors = [err69];
                      } else {
                        vErrors.push(err69);
                      }
                      errors++;
                    }
                  } else {
                    const err70 = { instancePath: instancePath + "/data/drift/ignore/" + i1, schemaPath: "#/properties/data/properties/drift/properties/ignore/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.drift.properties.ignore.items.type, parentSchema: schema31.properties.data.properties.drift.properties.ignore.items, data: data35 };
                    if (vErrors === null) {
                      vErrors = [err70];
                    } else {
                      vErrors.push(err70);
                    }
                    errors++;
                  }
                }
              } else {
                const err71 = { instancePath: instancePath + "/data/drift/ignore", schemaPath: "#/properties/data/properties/drift/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.data.properties.drift.properties.ignore.type, parentSchema: schema31.properties.data.properties.drift.properties.ignore, data: data34 };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
          } else {
            const err72 = { instancePath: instancePath + "/data/drift", schemaPath: "#/properties/data/properties/drift/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.data.properties.drift.type, parentSchema: schema31.properties.data.properties.drift, data: data31 };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
        if (data8.columns !== void 0) {
          let data36 = data8.columns;
          if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
            for (const key5 in data36) {
              let data37 = data36[key5];
              if (data37 && typeof data37 == "object" && !Array.isArray(data37)) {
                for (const key6 in data37) {
                  if (!(key6 === "drift_test" || key6 === "drift_threshold" || key6 === "severity")) {
                    const err73 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/data/properties/columns/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.data.properties.columns.additionalProperties, data: data37 };
                    if (vErrors === null) {
                      vErrors = [err73];
                    } else {
                      vErrors.push(err73);
                    }
                    errors++;
                  }
                }
                if (data37.drift_test !== void 0) {
                  let data38 = data37.drift_test;
                  if (typeof data38 !== "string") {
                    const err74 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift_test", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/drift_test/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_test.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_test, data: data38 };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                  if (!(data38 === "ks" || data38 === "chi2" || data38 === "z" || data38 === "wasserstein" || data38 === "jensen_shannon" || data38 === "psi")) {
                    const err75 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift_test", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/drift_test/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.drift_test.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_test.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_test, data: data38 };
                    if (vErrors === null) {
                      vErrors = [err75];
                    } else {
                      vErrors.push(err75);
                    }
                    errors++;
                  }
                }
                if (data37.drift_threshold !== void 0) {
                  let data39 = data37.drift_threshold;
                  if (typeof data39 == "number") {
                    if (data39 < 0 || isNaN(data39)) {
                      const err76 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift_threshold", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/drift_threshold/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_threshold, data: data39 };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  } else {
                    const err77 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift_threshold", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/drift_threshold/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_threshold.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.drift_threshold, data: data39 };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
                if (data37.severity !== void 0) {
                  let data40 = data37.severity;
                  if (data40 && typeof data40 == "object" && !Array.isArray(data40)) {
                    for (const key7 in data40) {
                      if (!func3.call(schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties, key7)) {
                        const err78 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity, data: data40 };
                        if (vErrors === null) {
                          vErrors = [err78];
                        } else {
                          vErrors.push(err78);
                        }
                        errors++;
                      }
                    }
                    if (data40.missing_column !== void 0) {
                      let data41 = data40.missing_column;
                      if (typeof data41 !== "string") {
                        const err79 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/missing_column", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/missing_column/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.missing_column.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.missing_column, data: data41 };
                        if (vErrors === null) {
                          vErrors = [err79];
                        } else {
                          vErrors.push(err79);
                        }
                        errors++;
                      }
                      if (!(data41 === "error" || data41 === "warning" || data41 === "off")) {
                        const err80 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/missing_column", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/missing_column/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.missing_column.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.missing_column.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.missing_column, data: data41 };
                        if (vErrors === null) {
                          vErrors = [err80];
                        } else {
                          vErrors.push(err80);
                        }
                        errors++;
                      }
                    }
                    if (data40.new_column !== void 0) {
                      let data42 = data40.new_column;
                      if (typeof data42 !== "string") {
                        const err81 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/new_column", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/new_column/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.new_column.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.new_column, data: data42 };
                        if (vErrors === null) {
                          vErrors = [err81];
                        } else {
                          vErrors.push(err81);
                        }
                        errors++;
                      }
                      if (!(data42 === "error" || data42 === "warning" || data42 === "off")) {
                        const err82 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/new_column", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/new_column/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.new_column.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.new_column.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.new_column, data: data42 };
                        if (vErrors === null) {
                          vErrors = [err82];
                        } else {
                          vErrors.push(err82);
                        }
                        errors++;
                      }
                    }
                    if (data40.type_mismatch !== void 0) {
                      let data43 = data40.type_mismatch;
                      if (typeof data43 !== "string") {
                        const err83 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/type_mismatch", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/type_mismatch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.type_mismatch.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.type_mismatch, data: data43 };
                        if (vErrors === null) {
                          vErrors = [err83];
                        } else {
                          vErrors.push(err83);
                        }
                        errors++;
                      }
                      if (!(data43 === "error" || data43 === "warning" || data43 === "off")) {
                        const err84 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/type_mismatch", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/type_mismatch/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.type_mismatch.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.type_mismatch.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.type_mismatch, data: data43 };
                        if (vErrors === null) {
                          vErrors = [err84];
                        } else {
                          vErrors.push(err84);
                        }
                        errors++;
                      }
                    }
                    if (data40.out_of_domain !== void 0) {
                      let data44 = data40.out_of_domain;
                      if (typeof data44 !== "string") {
                        const err85 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/out_of_domain", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/out_of_domain/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_domain.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_domain, data: data44 };
                        if (vErrors === null) {
                          vErrors = [err85];
                        } else {
                          vErrors.push(err85);
                        }
                        errors++;
                      }
                      if (!(data44 === "error" || data44 === "warning" || data44 === "off")) {
                        const err86 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/out_of_domain", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/out_of_domain/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_domain.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_domain.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_domain, data: data44 };
                        if (vErrors === null) {
                          vErrors = [err86];
                        } else {
                          vErrors.push(err86);
                        }
                        errors++;
                      }
                    }
                    if (data40.out_of_range !== void 0) {
                      let data45 = data40.out_of_range;
                      if (typeof data45 !== "string") {
                        const err87 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/out_of_range", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/out_of_range/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_range.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_range, data: data45 };
                        if (vErrors === null) {
                          vErrors = [err87];
                        } else {
                          vErrors.push(err87);
                        }
                        errors++;
                      }
                      if (!(data45 === "error" || data45 === "warning" || data45 === "off")) {
                        const err88 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/out_of_range", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/out_of_range/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_range.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_range.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.out_of_range, data: data45 };
                        if (vErrors === null) {
                          vErrors = [err88];
                        } else {
                          vErrors.push(err88);
                        }
                        errors++;
                      }
                    }
                    if (data40.unexpected_nulls !== void 0) {
                      let data46 = data40.unexpected_nulls;
                      if (typeof data46 !== "string") {
                        const err89 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/unexpected_nulls", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/unexpected_nulls/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.unexpected_nulls.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.unexpected_nulls, data: data46 };
                        if (vErrors === null) {
                          vErrors = [err89];
                        } else {
                          vErrors.push(err89);
                        }
                        errors++;
                      }
                      if (!(data46 === "error" || data46 === "warning" || data46 === "off")) {
                        const err90 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/unexpected_nulls", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/unexpected_nulls/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.unexpected_nulls.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.unexpected_nulls.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.unexpected_nulls, data: data46 };
                        if (vErrors === null) {
                          vErrors = [err90];
                        } else {
                          vErrors.push(err90);
                        }
                        errors++;
                      }
                    }
                    if (data40.nan_values !== void 0) {
                      let data47 = data40.nan_values;
                      if (typeof data47 !== "string") {
                        const err91 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/nan_values", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/nan_values/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.nan_values.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.nan_values, data: data47 };
                        if (vErrors === null) {
                          vErrors = [err91];
                        } else {
                          vErrors.push(err91);
                        }
                        errors++;
                      }
                      if (!(data47 === "error" || data47 === "warning" || data47 === "off")) {
                        const err92 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/nan_values", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/nan_values/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.nan_values.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.nan_values.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.nan_values, data: data47 };
                        if (vErrors === null) {
                          vErrors = [err92];
                        } else {
                          vErrors.push(err92);
                        }
                        errors++;
                      }
                    }
                    if (data40.inf_values !== void 0) {
                      let data48 = data40.inf_values;
                      if (typeof data48 !== "string") {
                        const err93 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/inf_values", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/inf_values/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.inf_values.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.inf_values, data: data48 };
                        if (vErrors === null) {
                          vErrors = [err93];
                        } else {
                          vErrors.push(err93);
                        }
                        errors++;
                      }
                      if (!(data48 === "error" || data48 === "warning" || data48 === "off")) {
                        const err94 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/inf_values", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/inf_values/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.inf_values.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.inf_values.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.inf_values, data: data48 };
                        if (vErrors === null) {
                          vErrors = [err94];
                        } else {
                          vErrors.push(err94);
                        }
                        errors++;
                      }
                    }
                    if (data40.too_few_rows !== void 0) {
                      let data49 = data40.too_few_rows;
                      if (typeof data49 !== "string") {
                        const err95 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/too_few_rows", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/too_few_rows/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.too_few_rows.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.too_few_rows, data: data49 };
                        if (vErrors === null) {
                          vErrors = [err95];
                        } else {
                          vErrors.push(err95);
                        }
                        errors++;
                      }
                      if (!(data49 === "error" || data49 === "warning" || data49 === "off")) {
                        const err96 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/too_few_rows", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/too_few_rows/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.too_few_rows.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.too_few_rows.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.too_few_rows, data: data49 };
                        if (vErrors === null) {
                          vErrors = [err96];
                        } else {
                          vErrors.push(err96);
                        }
                        errors++;
                      }
                    }
                    if (data40.duplicate_share !== void 0) {
                      let data50 = data40.duplicate_share;
                      if (typeof data50 !== "string") {
                        const err97 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/duplicate_share", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/duplicate_share/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.duplicate_share.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.duplicate_share, data: data50 };
                        if (vErrors === null) {
                          vErrors = [err97];
                        } else {
                          vErrors.push(err97);
                        }
                        errors++;
                      }
                      if (!(data50 === "error" || data50 === "warning" || data50 === "off")) {
                        const err98 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/duplicate_share", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/duplicate_share/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.duplicate_share.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.duplicate_share.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.duplicate_share, data: data50 };
                        if (vErrors === null) {
                          vErrors = [err98];
                        } else {
                          vErrors.push(err98);
                        }
                        errors++;
                      }
                    }
                    if (data40.train_test_overlap !== void 0) {
                      let data51 = data40.train_test_overlap;
                      if (typeof data51 !== "string") {
                        const err99 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/train_test_overlap", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/train_test_overlap/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.train_test_overlap.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.train_test_overlap, data: data51 };
                        if (vErrors === null) {
                          vErrors = [err99];
                        } else {
                          vErrors.push(err99);
                        }
                        errors++;
                      }
                      if (!(data51 === "error" || data51 === "warning" || data51 === "off")) {
                        const err100 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/train_test_overlap", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/train_test_overlap/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.train_test_overlap.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.train_test_overlap.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.train_test_overlap, data: data51 };
                        if (vErrors === null) {
                          vErrors = [err100];
                        } else {
                          vErrors.push(err100);
                        }
                        errors++;
                      }
                    }
                    if (data40.drift !== void 0) {
                      let data52 = data40.drift;
                      if (typeof data52 !== "string") {
                        const err101 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/drift", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/drift/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.drift.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.drift, data: data52 };
                        if (vErrors === null) {
                          vErrors = [err101];
                        } else {
                          vErrors.push(err101);
                        }
                        errors++;
                      }
                      if (!(data52 === "error" || data52 === "warning" || data52 === "off")) {
                        const err102 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity/drift", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/properties/drift/enum", keyword: "enum", params: { allowedValues: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.drift.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.drift.enum, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.properties.drift, data: data52 };
                        if (vErrors === null) {
                          vErrors = [err102];
                        } else {
                          vErrors.push(err102);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err103 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity", schemaPath: "#/properties/data/properties/columns/additionalProperties/properties/severity/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.data.properties.columns.additionalProperties.properties.severity.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties.properties.severity, data: data40 };
                    if (vErrors === null) {
                      vErrors = [err103];
                    } else {
                      vErrors.push(err103);
                    }
                    errors++;
                  }
                }
              } else {
                const err104 = { instancePath: instancePath + "/data/columns/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/data/properties/columns/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.data.properties.columns.additionalProperties.type, parentSchema: schema31.properties.data.properties.columns.additionalProperties, data: data37 };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
            }
          } else {
            const err105 = { instancePath: instancePath + "/data/columns", schemaPath: "#/properties/data/properties/columns/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.data.properties.columns.type, parentSchema: schema31.properties.data.properties.columns, data: data36 };
            if (vErrors === null) {
              vErrors = [err105];
            } else {
              vErrors.push(err105);
            }
            errors++;
          }
        }
      } else {
        const err106 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.data.type, parentSchema: schema31.properties.data, data: data8 };
        if (vErrors === null) {
          vErrors = [err106];
        } else {
          vErrors.push(err106);
        }
        errors++;
      }
    }
    if (data.train !== void 0) {
      let data53 = data.train;
      if (data53 && typeof data53 == "object" && !Array.isArray(data53)) {
        if (data53.command === void 0) {
          const err107 = { instancePath: instancePath + "/train", schemaPath: "#/properties/train/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property 'command'", schema: schema31.properties.train.required, parentSchema: schema31.properties.train, data: data53 };
          if (vErrors === null) {
            vErrors = [err107];
          } else {
            vErrors.push(err107);
          }
          errors++;
        }
        for (const key8 in data53) {
          if (!func3.call(schema31.properties.train.properties, key8)) {
            const err108 = { instancePath: instancePath + "/train", schemaPath: "#/properties/train/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.train, data: data53 };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
        }
        if (data53.command !== void 0) {
          let data54 = data53.command;
          if (typeof data54 === "string") {
            if (func1(data54) < 1) {
              const err109 = { instancePath: instancePath + "/train/command", schemaPath: "#/properties/train/properties/command/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.train.properties.command, data: data54 };
              if (vErrors === null) {
                vErrors = [err109];
              } else {
                vErrors.push(err109);
              }
              errors++;
            }
          } else {
            const err110 = { instancePath: instancePath + "/train/command", schemaPath: "#/properties/train/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.command.type, parentSchema: schema31.properties.train.properties.command, data: data54 };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
        }
        if (data53.model !== void 0) {
          let data55 = data53.model;
          if (typeof data55 !== "string") {
            const err111 = { instancePath: instancePath + "/train/model", schemaPath: "#/properties/train/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.model.type, parentSchema: schema31.properties.train.properties.model, data: data55 };
            if (vErrors === null) {
              vErrors = [err111];
            } else {
              vErrors.push(err111);
            }
            errors++;
          }
        }
        if (data53.params !== void 0) {
          let data56 = data53.params;
          if (typeof data56 !== "string") {
            const err112 = { instancePath: instancePath + "/train/params", schemaPath: "#/properties/train/properties/params/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.params.type, parentSchema: schema31.properties.train.properties.params, data: data56 };
            if (vErrors === null) {
              vErrors = [err112];
            } else {
              vErrors.push(err112);
            }
            errors++;
          }
        }
        if (data53.set !== void 0) {
          let data57 = data53.set;
          if (data57 && typeof data57 == "object" && !Array.isArray(data57)) {
            for (const key9 in data57) {
              let data58 = data57[key9];
              if (typeof data58 !== "string" && !(typeof data58 == "number") && typeof data58 !== "boolean") {
                const err113 = { instancePath: instancePath + "/train/set/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/train/properties/set/additionalProperties/type", keyword: "type", params: { type: schema31.properties.train.properties.set.additionalProperties.type }, message: "must be string,number,boolean", schema: schema31.properties.train.properties.set.additionalProperties.type, parentSchema: schema31.properties.train.properties.set.additionalProperties, data: data58 };
                if (vErrors === null) {
                  vErrors = [err113];
                } else {
                  vErrors.push(err113);
                }
                errors++;
              }
            }
          } else {
            const err114 = { instancePath: instancePath + "/train/set", schemaPath: "#/properties/train/properties/set/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.train.properties.set.type, parentSchema: schema31.properties.train.properties.set, data: data57 };
            if (vErrors === null) {
              vErrors = [err114];
            } else {
              vErrors.push(err114);
            }
            errors++;
          }
        }
        if (data53.seed !== void 0) {
          let data59 = data53.seed;
          if (!(typeof data59 == "number" && (!(data59 % 1) && !isNaN(data59)))) {
            const err115 = { instancePath: instancePath + "/train/seed", schemaPath: "#/properties/train/properties/seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.train.properties.seed.type, parentSchema: schema31.properties.train.properties.seed, data: data59 };
            if (vErrors === null) {
              vErrors = [err115];
            } else {
              vErrors.push(err115);
            }
            errors++;
          }
          if (typeof data59 == "number") {
            if (data59 < 0 || isNaN(data59)) {
              const err116 = { instancePath: instancePath + "/train/seed", schemaPath: "#/properties/train/properties/seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.train.properties.seed, data: data59 };
              if (vErrors === null) {
                vErrors = [err116];
              } else {
                vErrors.push(err116);
              }
              errors++;
            }
          }
        }
        if (data53.workdir !== void 0) {
          let data60 = data53.workdir;
          if (typeof data60 !== "string") {
            const err117 = { instancePath: instancePath + "/train/workdir", schemaPath: "#/properties/train/properties/workdir/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.workdir.type, parentSchema: schema31.properties.train.properties.workdir, data: data60 };
            if (vErrors === null) {
              vErrors = [err117];
            } else {
              vErrors.push(err117);
            }
            errors++;
          }
        }
        if (data53.timeout !== void 0) {
          let data61 = data53.timeout;
          const _errs133 = errors;
          let valid14 = false;
          const _errs134 = errors;
          if (typeof data61 == "number") {
            if (data61 <= 0 || isNaN(data61)) {
              const err118 = { instancePath: instancePath + "/train/timeout", schemaPath: "#/properties/train/properties/timeout/anyOf/0/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.train.properties.timeout.anyOf[0], data: data61 };
              if (vErrors === null) {
                vErrors = [err118];
              } else {
                vErrors.push(err118);
              }
              errors++;
            }
          } else {
            const err119 = { instancePath: instancePath + "/train/timeout", schemaPath: "#/properties/train/properties/timeout/anyOf/0/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.train.properties.timeout.anyOf[0].type, parentSchema: schema31.properties.train.properties.timeout.anyOf[0], data: data61 };
            if (vErrors === null) {
              vErrors = [err119];
            } else {
              vErrors.push(err119);
            }
            errors++;
          }
          var _valid0 = _errs134 === errors;
          valid14 = valid14 || _valid0;
          const _errs136 = errors;
          if (typeof data61 === "string") {
            if (!pattern5.test(data61)) {
              const err120 = { instancePath: instancePath + "/train/timeout", schemaPath: "#/properties/train/properties/timeout/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" }, message: 'must match pattern "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$"', schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$", parentSchema: schema31.properties.train.properties.timeout.anyOf[1], data: data61 };
              if (vErrors === null) {
                vErrors = [err120];
              } else {
                vErrors.push(err120);
              }
              errors++;
            }
          } else {
            const err121 = { instancePath: instancePath + "/train/timeout", schemaPath: "#/properties/train/properties/timeout/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.timeout.anyOf[1].type, parentSchema: schema31.properties.train.properties.timeout.anyOf[1], data: data61 };
            if (vErrors === null) {
              vErrors = [err121];
            } else {
              vErrors.push(err121);
            }
            errors++;
          }
          var _valid0 = _errs136 === errors;
          valid14 = valid14 || _valid0;
          if (!valid14) {
            const err122 = { instancePath: instancePath + "/train/timeout", schemaPath: "#/properties/train/properties/timeout/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema31.properties.train.properties.timeout.anyOf, parentSchema: schema31.properties.train.properties.timeout, data: data61 };
            if (vErrors === null) {
              vErrors = [err122];
            } else {
              vErrors.push(err122);
            }
            errors++;
          } else {
            errors = _errs133;
            if (vErrors !== null) {
              if (_errs133) {
                vErrors.length = _errs133;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data53.sources !== void 0) {
          let data62 = data53.sources;
          if (Array.isArray(data62)) {
            const len2 = data62.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data63 = data62[i2];
              if (typeof data63 === "string") {
                if (func1(data63) < 1) {
                  const err123 = { instancePath: instancePath + "/train/sources/" + i2, schemaPath: "#/properties/train/properties/sources/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.train.properties.sources.items, data: data63 };
                  if (vErrors === null) {
                    vErrors = [err123];
                  } else {
                    vErrors.push(err123);
                  }
                  errors++;
                }
              } else {
                const err124 = { instancePath: instancePath + "/train/sources/" + i2, schemaPath: "#/properties/train/properties/sources/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.sources.items.type, parentSchema: schema31.properties.train.properties.sources.items, data: data63 };
                if (vErrors === null) {
                  vErrors = [err124];
                } else {
                  vErrors.push(err124);
                }
                errors++;
              }
            }
          } else {
            const err125 = { instancePath: instancePath + "/train/sources", schemaPath: "#/properties/train/properties/sources/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.train.properties.sources.type, parentSchema: schema31.properties.train.properties.sources, data: data62 };
            if (vErrors === null) {
              vErrors = [err125];
            } else {
              vErrors.push(err125);
            }
            errors++;
          }
        }
        if (data53.metrics !== void 0) {
          let data64 = data53.metrics;
          if (typeof data64 !== "string") {
            const err126 = { instancePath: instancePath + "/train/metrics", schemaPath: "#/properties/train/properties/metrics/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.train.properties.metrics.type, parentSchema: schema31.properties.train.properties.metrics, data: data64 };
            if (vErrors === null) {
              vErrors = [err126];
            } else {
              vErrors.push(err126);
            }
            errors++;
          }
        }
        if (data53.cache !== void 0) {
          let data65 = data53.cache;
          if (typeof data65 !== "boolean") {
            const err127 = { instancePath: instancePath + "/train/cache", schemaPath: "#/properties/train/properties/cache/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.train.properties.cache.type, parentSchema: schema31.properties.train.properties.cache, data: data65 };
            if (vErrors === null) {
              vErrors = [err127];
            } else {
              vErrors.push(err127);
            }
            errors++;
          }
        }
        if (data53.tolerance !== void 0) {
          let data66 = data53.tolerance;
          if (typeof data66 == "number") {
            if (data66 < 0 || isNaN(data66)) {
              const err128 = { instancePath: instancePath + "/train/tolerance", schemaPath: "#/properties/train/properties/tolerance/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.train.properties.tolerance, data: data66 };
              if (vErrors === null) {
                vErrors = [err128];
              } else {
                vErrors.push(err128);
              }
              errors++;
            }
          } else {
            const err129 = { instancePath: instancePath + "/train/tolerance", schemaPath: "#/properties/train/properties/tolerance/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.train.properties.tolerance.type, parentSchema: schema31.properties.train.properties.tolerance, data: data66 };
            if (vErrors === null) {
              vErrors = [err129];
            } else {
              vErrors.push(err129);
            }
            errors++;
          }
        }
        if (data53.checks !== void 0) {
          let data67 = data53.checks;
          if (data67 && typeof data67 == "object" && !Array.isArray(data67)) {
            for (const key10 in data67) {
              if (!(key10 === "loss_decreases" || key10 === "finite_metrics" || key10 === "signature")) {
                const err130 = { instancePath: instancePath + "/train/checks", schemaPath: "#/properties/train/properties/checks/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.train.properties.checks, data: data67 };
                if (vErrors === null) {
                  vErrors = [err130];
                } else {
                  vErrors.push(err130);
                }
                errors++;
              }
            }
            if (data67.loss_decreases !== void 0) {
              let data68 = data67.loss_decreases;
              const _errs152 = errors;
              let valid18 = false;
              const _errs153 = errors;
              if (typeof data68 !== "boolean") {
                const err131 = { instancePath: instancePath + "/train/checks/loss_decreases", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/0/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[0].type, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[0], data: data68 };
                if (vErrors === null) {
                  vErrors = [err131];
                } else {
                  vErrors.push(err131);
                }
                errors++;
              }
              var _valid1 = _errs153 === errors;
              valid18 = valid18 || _valid1;
              const _errs155 = errors;
              if (data68 && typeof data68 == "object" && !Array.isArray(data68)) {
                for (const key11 in data68) {
                  if (!(key11 === "window" || key11 === "min_decrease")) {
                    const err132 = { instancePath: instancePath + "/train/checks/loss_decreases", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1], data: data68 };
                    if (vErrors === null) {
                      vErrors = [err132];
                    } else {
                      vErrors.push(err132);
                    }
                    errors++;
                  }
                }
                if (data68.window !== void 0) {
                  let data69 = data68.window;
                  if (typeof data69 == "number") {
                    if (data69 > 0.5 || isNaN(data69)) {
                      const err133 = { instancePath: instancePath + "/train/checks/loss_decreases/window", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/properties/window/maximum", keyword: "maximum", params: { comparison: "<=", limit: 0.5 }, message: "must be <= 0.5", schema: 0.5, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.window, data: data69 };
                      if (vErrors === null) {
                        vErrors = [err133];
                      } else {
                        vErrors.push(err133);
                      }
                      errors++;
                    }
                    if (data69 <= 0 || isNaN(data69)) {
                      const err134 = { instancePath: instancePath + "/train/checks/loss_decreases/window", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/properties/window/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.window, data: data69 };
                      if (vErrors === null) {
                        vErrors = [err134];
                      } else {
                        vErrors.push(err134);
                      }
                      errors++;
                    }
                  } else {
                    const err135 = { instancePath: instancePath + "/train/checks/loss_decreases/window", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/properties/window/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.window.type, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.window, data: data69 };
                    if (vErrors === null) {
                      vErrors = [err135];
                    } else {
                      vErrors.push(err135);
                    }
                    errors++;
                  }
                }
                if (data68.min_decrease !== void 0) {
                  let data70 = data68.min_decrease;
                  if (typeof data70 == "number") {
                    if (data70 < 0 || isNaN(data70)) {
                      const err136 = { instancePath: instancePath + "/train/checks/loss_decreases/min_decrease", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/properties/min_decrease/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.min_decrease, data: data70 };
                      if (vErrors === null) {
                        vErrors = [err136];
                      } else {
                        vErrors.push(err136);
                      }
                      errors++;
                    }
                  } else {
                    const err137 = { instancePath: instancePath + "/train/checks/loss_decreases/min_decrease", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/properties/min_decrease/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.min_decrease.type, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].properties.min_decrease, data: data70 };
                    if (vErrors === null) {
                      vErrors = [err137];
                    } else {
                      vErrors.push(err137);
                    }
                    errors++;
                  }
                }
              } else {
                const err138 = { instancePath: instancePath + "/train/checks/loss_decreases", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1].type, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf[1], data: data68 };
                if (vErrors === null) {
                  vErrors = [err138];
                } else {
                  vErrors.push(err138);
                }
                errors++;
              }
              var _valid1 = _errs155 === errors;
              valid18 = valid18 || _valid1;
              if (!valid18) {
                const err139 = { instancePath: instancePath + "/train/checks/loss_decreases", schemaPath: "#/properties/train/properties/checks/properties/loss_decreases/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema31.properties.train.properties.checks.properties.loss_decreases.anyOf, parentSchema: schema31.properties.train.properties.checks.properties.loss_decreases, data: data68 };
                if (vErrors === null) {
                  vErrors = [err139];
                } else {
                  vErrors.push(err139);
                }
                errors++;
              } else {
                errors = _errs152;
                if (vErrors !== null) {
                  if (_errs152) {
                    vErrors.length = _errs152;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data67.finite_metrics !== void 0) {
              let data71 = data67.finite_metrics;
              if (typeof data71 !== "boolean") {
                const err140 = { instancePath: instancePath + "/train/checks/finite_metrics", schemaPath: "#/properties/train/properties/checks/properties/finite_metrics/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.train.properties.checks.properties.finite_metrics.type, parentSchema: schema31.properties.train.properties.checks.properties.finite_metrics, data: data71 };
                if (vErrors === null) {
                  vErrors = [err140];
                } else {
                  vErrors.push(err140);
                }
                errors++;
              }
            }
            if (data67.signature !== void 0) {
              let data72 = data67.signature;
              if (typeof data72 !== "boolean") {
                const err141 = { instancePath: instancePath + "/train/checks/signature", schemaPath: "#/properties/train/properties/checks/properties/signature/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.train.properties.checks.properties.signature.type, parentSchema: schema31.properties.train.properties.checks.properties.signature, data: data72 };
                if (vErrors === null) {
                  vErrors = [err141];
                } else {
                  vErrors.push(err141);
                }
                errors++;
              }
            }
          } else {
            const err142 = { instancePath: instancePath + "/train/checks", schemaPath: "#/properties/train/properties/checks/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.train.properties.checks.type, parentSchema: schema31.properties.train.properties.checks, data: data67 };
            if (vErrors === null) {
              vErrors = [err142];
            } else {
              vErrors.push(err142);
            }
            errors++;
          }
        }
      } else {
        const err143 = { instancePath: instancePath + "/train", schemaPath: "#/properties/train/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.train.type, parentSchema: schema31.properties.train, data: data53 };
        if (vErrors === null) {
          vErrors = [err143];
        } else {
          vErrors.push(err143);
        }
        errors++;
      }
    }
    if (data.evaluate !== void 0) {
      let data73 = data.evaluate;
      if (data73 && typeof data73 == "object" && !Array.isArray(data73)) {
        for (const key12 in data73) {
          if (!(key12 === "data" || key12 === "baseline" || key12 === "slices" || key12 === "min_slice_size" || key12 === "batch_size" || key12 === "bootstrap" || key12 === "gates" || key12 === "slice_gates")) {
            const err144 = { instancePath: instancePath + "/evaluate", schemaPath: "#/properties/evaluate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.evaluate, data: data73 };
            if (vErrors === null) {
              vErrors = [err144];
            } else {
              vErrors.push(err144);
            }
            errors++;
          }
        }
        if (data73.data !== void 0) {
          let data74 = data73.data;
          if (typeof data74 !== "string") {
            const err145 = { instancePath: instancePath + "/evaluate/data", schemaPath: "#/properties/evaluate/properties/data/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.evaluate.properties.data.type, parentSchema: schema31.properties.evaluate.properties.data, data: data74 };
            if (vErrors === null) {
              vErrors = [err145];
            } else {
              vErrors.push(err145);
            }
            errors++;
          }
        }
        if (data73.baseline !== void 0) {
          let data75 = data73.baseline;
          if (typeof data75 !== "string") {
            const err146 = { instancePath: instancePath + "/evaluate/baseline", schemaPath: "#/properties/evaluate/properties/baseline/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.evaluate.properties.baseline.type, parentSchema: schema31.properties.evaluate.properties.baseline, data: data75 };
            if (vErrors === null) {
              vErrors = [err146];
            } else {
              vErrors.push(err146);
            }
            errors++;
          }
        }
        if (data73.slices !== void 0) {
          let data76 = data73.slices;
          if (Array.isArray(data76)) {
            const len3 = data76.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data77 = data76[i3];
              if (typeof data77 === "string") {
                if (func1(data77) < 1) {
                  const err147 = { instancePath: instancePath + "/evaluate/slices/" + i3, schemaPath: "#/properties/evaluate/properties/slices/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.evaluate.properties.slices.items, data: data77 };
                  if (vErrors === null) {
                    vErrors = [err147];
                  } else {
                    vErrors.push(err147);
                  }
                  errors++;
                }
              } else {
                const err148 = { instancePath: instancePath + "/evaluate/slices/" + i3, schemaPath: "#/properties/evaluate/properties/slices/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.evaluate.properties.slices.items.type, parentSchema: schema31.properties.evaluate.properties.slices.items, data: data77 };
                if (vErrors === null) {
                  vErrors = [err148];
                } else {
                  vErrors.push(err148);
                }
                errors++;
              }
            }
          } else {
            const err149 = { instancePath: instancePath + "/evaluate/slices", schemaPath: "#/properties/evaluate/properties/slices/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.evaluate.properties.slices.type, parentSchema: schema31.properties.evaluate.properties.slices, data: data76 };
            if (vErrors === null) {
              vErrors = [err149];
            } else {
              vErrors.push(err149);
            }
            errors++;
          }
        }
        if (data73.min_slice_size !== void 0) {
          let data78 = data73.min_slice_size;
          if (!(typeof data78 == "number" && (!(data78 % 1) && !isNaN(data78)))) {
            const err150 = { instancePath: instancePath + "/evaluate/min_slice_size", schemaPath: "#/properties/evaluate/properties/min_slice_size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.evaluate.properties.min_slice_size.type, parentSchema: schema31.properties.evaluate.properties.min_slice_size, data: data78 };
            if (vErrors === null) {
              vErrors = [err150];
            } else {
              vErrors.push(err150);
            }
            errors++;
          }
          if (typeof data78 == "number") {
            if (data78 < 1 || isNaN(data78)) {
              const err151 = { instancePath: instancePath + "/evaluate/min_slice_size", schemaPath: "#/properties/evaluate/properties/min_slice_size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.evaluate.properties.min_slice_size, data: data78 };
              if (vErrors === null) {
                vErrors = [err151];
              } else {
                vErrors.push(err151);
              }
              errors++;
            }
          }
        }
        if (data73.batch_size !== void 0) {
          let data79 = data73.batch_size;
          if (!(typeof data79 == "number" && (!(data79 % 1) && !isNaN(data79)))) {
            const err152 = { instancePath: instancePath + "/evaluate/batch_size", schemaPath: "#/properties/evaluate/properties/batch_size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.evaluate.properties.batch_size.type, parentSchema: schema31.properties.evaluate.properties.batch_size, data: data79 };
            if (vErrors === null) {
              vErrors = [err152];
            } else {
              vErrors.push(err152);
            }
            errors++;
          }
          if (typeof data79 == "number") {
            if (data79 < 1 || isNaN(data79)) {
              const err153 = { instancePath: instancePath + "/evaluate/batch_size", schemaPath: "#/properties/evaluate/properties/batch_size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.evaluate.properties.batch_size, data: data79 };
              if (vErrors === null) {
                vErrors = [err153];
              } else {
                vErrors.push(err153);
              }
              errors++;
            }
          }
        }
        if (data73.bootstrap !== void 0) {
          let data80 = data73.bootstrap;
          if (data80 && typeof data80 == "object" && !Array.isArray(data80)) {
            for (const key13 in data80) {
              if (!(key13 === "resamples" || key13 === "seed" || key13 === "confidence")) {
                const err154 = { instancePath: instancePath + "/evaluate/bootstrap", schemaPath: "#/properties/evaluate/properties/bootstrap/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.evaluate.properties.bootstrap, data: data80 };
                if (vErrors === null) {
                  vErrors = [err154];
                } else {
                  vErrors.push(err154);
                }
                errors++;
              }
            }
            if (data80.resamples !== void 0) {
              let data81 = data80.resamples;
              if (!(typeof data81 == "number" && (!(data81 % 1) && !isNaN(data81)))) {
                const err155 = { instancePath: instancePath + "/evaluate/bootstrap/resamples", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/resamples/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.evaluate.properties.bootstrap.properties.resamples.type, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.resamples, data: data81 };
                if (vErrors === null) {
                  vErrors = [err155];
                } else {
                  vErrors.push(err155);
                }
                errors++;
              }
              if (typeof data81 == "number") {
                if (data81 < 0 || isNaN(data81)) {
                  const err156 = { instancePath: instancePath + "/evaluate/bootstrap/resamples", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/resamples/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.resamples, data: data81 };
                  if (vErrors === null) {
                    vErrors = [err156];
                  } else {
                    vErrors.push(err156);
                  }
                  errors++;
                }
              }
            }
            if (data80.seed !== void 0) {
              let data82 = data80.seed;
              if (!(typeof data82 == "number" && (!(data82 % 1) && !isNaN(data82)))) {
                const err157 = { instancePath: instancePath + "/evaluate/bootstrap/seed", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.evaluate.properties.bootstrap.properties.seed.type, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.seed, data: data82 };
                if (vErrors === null) {
                  vErrors = [err157];
                } else {
                  vErrors.push(err157);
                }
                errors++;
              }
              if (typeof data82 == "number") {
                if (data82 < 0 || isNaN(data82)) {
                  const err158 = { instancePath: instancePath + "/evaluate/bootstrap/seed", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.seed, data: data82 };
                  if (vErrors === null) {
                    vErrors = [err158];
                  } else {
                    vErrors.push(err158);
                  }
                  errors++;
                }
              }
            }
            if (data80.confidence !== void 0) {
              let data83 = data80.confidence;
              if (typeof data83 == "number") {
                if (data83 >= 1 || isNaN(data83)) {
                  const err159 = { instancePath: instancePath + "/evaluate/bootstrap/confidence", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/confidence/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.confidence, data: data83 };
                  if (vErrors === null) {
                    vErrors = [err159];
                  } else {
                    vErrors.push(err159);
                  }
                  errors++;
                }
                if (data83 <= 0 || isNaN(data83)) {
                  const err160 = { instancePath: instancePath + "/evaluate/bootstrap/confidence", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/confidence/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.confidence, data: data83 };
                  if (vErrors === null) {
                    vErrors = [err160];
                  } else {
                    vErrors.push(err160);
                  }
                  errors++;
                }
              } else {
                const err161 = { instancePath: instancePath + "/evaluate/bootstrap/confidence", schemaPath: "#/properties/evaluate/properties/bootstrap/properties/confidence/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.bootstrap.properties.confidence.type, parentSchema: schema31.properties.evaluate.properties.bootstrap.properties.confidence, data: data83 };
                if (vErrors === null) {
                  vErrors = [err161];
                } else {
                  vErrors.push(err161);
                }
                errors++;
              }
            }
          } else {
            const err162 = { instancePath: instancePath + "/evaluate/bootstrap", schemaPath: "#/properties/evaluate/properties/bootstrap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.properties.bootstrap.type, parentSchema: schema31.properties.evaluate.properties.bootstrap, data: data80 };
            if (vErrors === null) {
              vErrors = [err162];
            } else {
              vErrors.push(err162);
            }
            errors++;
          }
        }
        if (data73.gates !== void 0) {
          let data84 = data73.gates;
          if (data84 && typeof data84 == "object" && !Array.isArray(data84)) {
            for (const key14 in data84) {
              const _errs192 = errors;
              if (typeof key14 === "string") {
                if (!pattern6.test(key14)) {
                  const err163 = { instancePath: instancePath + "/evaluate/gates", schemaPath: "#/properties/evaluate/properties/gates/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_]*$" }, message: 'must match pattern "^[a-z][a-z0-9_]*$"', schema: "^[a-z][a-z0-9_]*$", parentSchema: schema31.properties.evaluate.properties.gates.propertyNames, data: key14, propertyName: key14 };
                  if (vErrors === null) {
                    vErrors = [err163];
                  } else {
                    vErrors.push(err163);
                  }
                  errors++;
                }
              }
              var valid24 = _errs192 === errors;
              if (!valid24) {
                const err164 = { instancePath: instancePath + "/evaluate/gates", schemaPath: "#/properties/evaluate/properties/gates/propertyNames", keyword: "propertyNames", params: { propertyName: key14 }, message: "property name must be valid", schema: schema31.properties.evaluate.properties.gates.propertyNames, parentSchema: schema31.properties.evaluate.properties.gates, data: data84 };
                if (vErrors === null) {
                  vErrors = [err164];
                } else {
                  vErrors.push(err164);
                }
                errors++;
              }
            }
            for (const key15 in data84) {
              let data85 = data84[key15];
              if (data85 && typeof data85 == "object" && !Array.isArray(data85)) {
                if (Object.keys(data85).length < 1) {
                  const err165 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties, data: data85 };
                  if (vErrors === null) {
                    vErrors = [err165];
                  } else {
                    vErrors.push(err165);
                  }
                  errors++;
                }
                for (const key16 in data85) {
                  if (!(key16 === "min" || key16 === "max" || key16 === "max_drop" || key16 === "max_rise" || key16 === "min_relative_change")) {
                    const err166 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties, data: data85 };
                    if (vErrors === null) {
                      vErrors = [err166];
                    } else {
                      vErrors.push(err166);
                    }
                    errors++;
                  }
                }
                if (data85.min !== void 0) {
                  let data86 = data85.min;
                  if (!(typeof data86 == "number")) {
                    const err167 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/min", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.min.type, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.min, data: data86 };
                    if (vErrors === null) {
                      vErrors = [err167];
                    } else {
                      vErrors.push(err167);
                    }
                    errors++;
                  }
                }
                if (data85.max !== void 0) {
                  let data87 = data85.max;
                  if (!(typeof data87 == "number")) {
                    const err168 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/max", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max.type, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max, data: data87 };
                    if (vErrors === null) {
                      vErrors = [err168];
                    } else {
                      vErrors.push(err168);
                    }
                    errors++;
                  }
                }
                if (data85.max_drop !== void 0) {
                  let data88 = data85.max_drop;
                  if (typeof data88 == "number") {
                    if (data88 < 0 || isNaN(data88)) {
                      const err169 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_drop", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/max_drop/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max_drop, data: data88 };
                      if (vErrors === null) {
                        vErrors = [err169];
                      } else {
                        vErrors.push(err169);
                      }
                      errors++;
                    }
                  } else {
                    const err170 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_drop", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/max_drop/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max_drop.type, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max_drop, data: data88 };
                    if (vErrors === null) {
                      vErrors = [err170];
                    } else {
                      vErrors.push(err170);
                    }
                    errors++;
                  }
                }
                if (data85.max_rise !== void 0) {
                  let data89 = data85.max_rise;
                  if (typeof data89 == "number") {
                    if (data89 < 0 || isNaN(data89)) {
                      const err171 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_rise", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/max_rise/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max_rise, data: data89 };
                      if (vErrors === null) {
                        vErrors = [err171];
                      } else {
                        vErrors.push(err171);
                      }
                      errors++;
                    }
                  } else {
                    const err172 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_rise", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/max_rise/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max_rise.type, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.max_rise, data: data89 };
                    if (vErrors === null) {
                      vErrors = [err172];
                    } else {
                      vErrors.push(err172);
                    }
                    errors++;
                  }
                }
                if (data85.min_relative_change !== void 0) {
                  let data90 = data85.min_relative_change;
                  if (!(typeof data90 == "number")) {
                    const err173 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_relative_change", schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/properties/min_relative_change/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.min_relative_change.type, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties.properties.min_relative_change, data: data90 };
                    if (vErrors === null) {
                      vErrors = [err173];
                    } else {
                      vErrors.push(err173);
                    }
                    errors++;
                  }
                }
              } else {
                const err174 = { instancePath: instancePath + "/evaluate/gates/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/gates/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.properties.gates.additionalProperties.type, parentSchema: schema31.properties.evaluate.properties.gates.additionalProperties, data: data85 };
                if (vErrors === null) {
                  vErrors = [err174];
                } else {
                  vErrors.push(err174);
                }
                errors++;
              }
            }
          } else {
            const err175 = { instancePath: instancePath + "/evaluate/gates", schemaPath: "#/properties/evaluate/properties/gates/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.properties.gates.type, parentSchema: schema31.properties.evaluate.properties.gates, data: data84 };
            if (vErrors === null) {
              vErrors = [err175];
            } else {
              vErrors.push(err175);
            }
            errors++;
          }
        }
        if (data73.slice_gates !== void 0) {
          let data91 = data73.slice_gates;
          if (data91 && typeof data91 == "object" && !Array.isArray(data91)) {
            for (const key17 in data91) {
              let data92 = data91[key17];
              if (data92 && typeof data92 == "object" && !Array.isArray(data92)) {
                for (const key18 in data92) {
                  const _errs212 = errors;
                  if (typeof key18 === "string") {
                    if (!pattern6.test(key18)) {
                      const err176 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_]*$" }, message: 'must match pattern "^[a-z][a-z0-9_]*$"', schema: "^[a-z][a-z0-9_]*$", parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.propertyNames, data: key18, propertyName: key18 };
                      if (vErrors === null) {
                        vErrors = [err176];
                      } else {
                        vErrors.push(err176);
                      }
                      errors++;
                    }
                  }
                  var valid28 = _errs212 === errors;
                  if (!valid28) {
                    const err177 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/propertyNames", keyword: "propertyNames", params: { propertyName: key18 }, message: "property name must be valid", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.propertyNames, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties, data: data92 };
                    if (vErrors === null) {
                      vErrors = [err177];
                    } else {
                      vErrors.push(err177);
                    }
                    errors++;
                  }
                }
                for (const key19 in data92) {
                  let data93 = data92[key19];
                  if (data93 && typeof data93 == "object" && !Array.isArray(data93)) {
                    if (Object.keys(data93).length < 1) {
                      const err178 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties, data: data93 };
                      if (vErrors === null) {
                        vErrors = [err178];
                      } else {
                        vErrors.push(err178);
                      }
                      errors++;
                    }
                    for (const key20 in data93) {
                      if (!(key20 === "min" || key20 === "max" || key20 === "max_drop" || key20 === "max_rise" || key20 === "min_relative_change")) {
                        const err179 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key20 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties, data: data93 };
                        if (vErrors === null) {
                          vErrors = [err179];
                        } else {
                          vErrors.push(err179);
                        }
                        errors++;
                      }
                    }
                    if (data93.min !== void 0) {
                      let data94 = data93.min;
                      if (!(typeof data94 == "number")) {
                        const err180 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/min", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.min.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.min, data: data94 };
                        if (vErrors === null) {
                          vErrors = [err180];
                        } else {
                          vErrors.push(err180);
                        }
                        errors++;
                      }
                    }
                    if (data93.max !== void 0) {
                      let data95 = data93.max;
                      if (!(typeof data95 == "number")) {
                        const err181 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/max", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max, data: data95 };
                        if (vErrors === null) {
                          vErrors = [err181];
                        } else {
                          vErrors.push(err181);
                        }
                        errors++;
                      }
                    }
                    if (data93.max_drop !== void 0) {
                      let data96 = data93.max_drop;
                      if (typeof data96 == "number") {
                        if (data96 < 0 || isNaN(data96)) {
                          const err182 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_drop", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/max_drop/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max_drop, data: data96 };
                          if (vErrors === null) {
                            vErrors = [err182];
                          } else {
                            vErrors.push(err182);
                          }
                          errors++;
                        }
                      } else {
                        const err183 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_drop", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/max_drop/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max_drop.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max_drop, data: data96 };
                        if (vErrors === null) {
                          vErrors = [err183];
                        } else {
                          vErrors.push(err183);
                        }
                        errors++;
                      }
                    }
                    if (data93.max_rise !== void 0) {
                      let data97 = data93.max_rise;
                      if (typeof data97 == "number") {
                        if (data97 < 0 || isNaN(data97)) {
                          const err184 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_rise", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/max_rise/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max_rise, data: data97 };
                          if (vErrors === null) {
                            vErrors = [err184];
                          } else {
                            vErrors.push(err184);
                          }
                          errors++;
                        }
                      } else {
                        const err185 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_rise", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/max_rise/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max_rise.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.max_rise, data: data97 };
                        if (vErrors === null) {
                          vErrors = [err185];
                        } else {
                          vErrors.push(err185);
                        }
                        errors++;
                      }
                    }
                    if (data93.min_relative_change !== void 0) {
                      let data98 = data93.min_relative_change;
                      if (!(typeof data98 == "number")) {
                        const err186 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_relative_change", schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/properties/min_relative_change/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.min_relative_change.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.properties.min_relative_change, data: data98 };
                        if (vErrors === null) {
                          vErrors = [err186];
                        } else {
                          vErrors.push(err186);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err187 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.additionalProperties, data: data93 };
                    if (vErrors === null) {
                      vErrors = [err187];
                    } else {
                      vErrors.push(err187);
                    }
                    errors++;
                  }
                }
              } else {
                const err188 = { instancePath: instancePath + "/evaluate/slice_gates/" + key17.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/evaluate/properties/slice_gates/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.properties.slice_gates.additionalProperties.type, parentSchema: schema31.properties.evaluate.properties.slice_gates.additionalProperties, data: data92 };
                if (vErrors === null) {
                  vErrors = [err188];
                } else {
                  vErrors.push(err188);
                }
                errors++;
              }
            }
          } else {
            const err189 = { instancePath: instancePath + "/evaluate/slice_gates", schemaPath: "#/properties/evaluate/properties/slice_gates/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.properties.slice_gates.type, parentSchema: schema31.properties.evaluate.properties.slice_gates, data: data91 };
            if (vErrors === null) {
              vErrors = [err189];
            } else {
              vErrors.push(err189);
            }
            errors++;
          }
        }
      } else {
        const err190 = { instancePath: instancePath + "/evaluate", schemaPath: "#/properties/evaluate/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.evaluate.type, parentSchema: schema31.properties.evaluate, data: data73 };
        if (vErrors === null) {
          vErrors = [err190];
        } else {
          vErrors.push(err190);
        }
        errors++;
      }
    }
    if (data.register !== void 0) {
      let data99 = data.register;
      if (data99 && typeof data99 == "object" && !Array.isArray(data99)) {
        for (const key21 in data99) {
          if (!(key21 === "registry" || key21 === "aliases" || key21 === "allow_failed")) {
            const err191 = { instancePath: instancePath + "/register", schemaPath: "#/properties/register/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key21 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.register, data: data99 };
            if (vErrors === null) {
              vErrors = [err191];
            } else {
              vErrors.push(err191);
            }
            errors++;
          }
        }
        if (data99.registry !== void 0) {
          let data100 = data99.registry;
          if (typeof data100 !== "string") {
            const err192 = { instancePath: instancePath + "/register/registry", schemaPath: "#/properties/register/properties/registry/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.register.properties.registry.type, parentSchema: schema31.properties.register.properties.registry, data: data100 };
            if (vErrors === null) {
              vErrors = [err192];
            } else {
              vErrors.push(err192);
            }
            errors++;
          }
        }
        if (data99.aliases !== void 0) {
          let data101 = data99.aliases;
          if (Array.isArray(data101)) {
            const len4 = data101.length;
            for (let i4 = 0; i4 < len4; i4++) {
              let data102 = data101[i4];
              if (typeof data102 === "string") {
                if (func1(data102) < 1) {
                  const err193 = { instancePath: instancePath + "/register/aliases/" + i4, schemaPath: "#/properties/register/properties/aliases/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.register.properties.aliases.items, data: data102 };
                  if (vErrors === null) {
                    vErrors = [err193];
                  } else {
                    vErrors.push(err193);
                  }
                  errors++;
                }
              } else {
                const err194 = { instancePath: instancePath + "/register/aliases/" + i4, schemaPath: "#/properties/register/properties/aliases/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.register.properties.aliases.items.type, parentSchema: schema31.properties.register.properties.aliases.items, data: data102 };
                if (vErrors === null) {
                  vErrors = [err194];
                } else {
                  vErrors.push(err194);
                }
                errors++;
              }
            }
          } else {
            const err195 = { instancePath: instancePath + "/register/aliases", schemaPath: "#/properties/register/properties/aliases/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.register.properties.aliases.type, parentSchema: schema31.properties.register.properties.aliases, data: data101 };
            if (vErrors === null) {
              vErrors = [err195];
            } else {
              vErrors.push(err195);
            }
            errors++;
          }
        }
        if (data99.allow_failed !== void 0) {
          let data103 = data99.allow_failed;
          if (typeof data103 !== "boolean") {
            const err196 = { instancePath: instancePath + "/register/allow_failed", schemaPath: "#/properties/register/properties/allow_failed/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.register.properties.allow_failed.type, parentSchema: schema31.properties.register.properties.allow_failed, data: data103 };
            if (vErrors === null) {
              vErrors = [err196];
            } else {
              vErrors.push(err196);
            }
            errors++;
          }
        }
      } else {
        const err197 = { instancePath: instancePath + "/register", schemaPath: "#/properties/register/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.register.type, parentSchema: schema31.properties.register, data: data99 };
        if (vErrors === null) {
          vErrors = [err197];
        } else {
          vErrors.push(err197);
        }
        errors++;
      }
    }
    if (data.deploy !== void 0) {
      let data104 = data.deploy;
      if (data104 && typeof data104 == "object" && !Array.isArray(data104)) {
        for (const key22 in data104) {
          if (!func3.call(schema31.properties.deploy.properties, key22)) {
            const err198 = { instancePath: instancePath + "/deploy", schemaPath: "#/properties/deploy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key22 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.deploy, data: data104 };
            if (vErrors === null) {
              vErrors = [err198];
            } else {
              vErrors.push(err198);
            }
            errors++;
          }
        }
        if (data104.target !== void 0) {
          let data105 = data104.target;
          if (typeof data105 !== "string") {
            const err199 = { instancePath: instancePath + "/deploy/target", schemaPath: "#/properties/deploy/properties/target/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.target.type, parentSchema: schema31.properties.deploy.properties.target, data: data105 };
            if (vErrors === null) {
              vErrors = [err199];
            } else {
              vErrors.push(err199);
            }
            errors++;
          }
          if (!(data105 === "local" || data105 === "server" || data105 === "kserve")) {
            const err200 = { instancePath: instancePath + "/deploy/target", schemaPath: "#/properties/deploy/properties/target/enum", keyword: "enum", params: { allowedValues: schema31.properties.deploy.properties.target.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.deploy.properties.target.enum, parentSchema: schema31.properties.deploy.properties.target, data: data105 };
            if (vErrors === null) {
              vErrors = [err200];
            } else {
              vErrors.push(err200);
            }
            errors++;
          }
        }
        if (data104.server !== void 0) {
          let data106 = data104.server;
          if (typeof data106 === "string") {
            if (!formats0(data106)) {
              const err201 = { instancePath: instancePath + "/deploy/server", schemaPath: "#/properties/deploy/properties/server/format", keyword: "format", params: { format: "uri" }, message: 'must match format "uri"', schema: "uri", parentSchema: schema31.properties.deploy.properties.server, data: data106 };
              if (vErrors === null) {
                vErrors = [err201];
              } else {
                vErrors.push(err201);
              }
              errors++;
            }
          } else {
            const err202 = { instancePath: instancePath + "/deploy/server", schemaPath: "#/properties/deploy/properties/server/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.server.type, parentSchema: schema31.properties.deploy.properties.server, data: data106 };
            if (vErrors === null) {
              vErrors = [err202];
            } else {
              vErrors.push(err202);
            }
            errors++;
          }
        }
        if (data104.steps !== void 0) {
          let data107 = data104.steps;
          if (Array.isArray(data107)) {
            if (data107.length < 1) {
              const err203 = { instancePath: instancePath + "/deploy/steps", schemaPath: "#/properties/deploy/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.deploy.properties.steps, data: data107 };
              if (vErrors === null) {
                vErrors = [err203];
              } else {
                vErrors.push(err203);
              }
              errors++;
            }
            const len5 = data107.length;
            for (let i5 = 0; i5 < len5; i5++) {
              let data108 = data107[i5];
              if (!(typeof data108 == "number" && (!(data108 % 1) && !isNaN(data108)))) {
                const err204 = { instancePath: instancePath + "/deploy/steps/" + i5, schemaPath: "#/properties/deploy/properties/steps/items/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.deploy.properties.steps.items.type, parentSchema: schema31.properties.deploy.properties.steps.items, data: data108 };
                if (vErrors === null) {
                  vErrors = [err204];
                } else {
                  vErrors.push(err204);
                }
                errors++;
              }
              if (typeof data108 == "number") {
                if (data108 > 100 || isNaN(data108)) {
                  const err205 = { instancePath: instancePath + "/deploy/steps/" + i5, schemaPath: "#/properties/deploy/properties/steps/items/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema31.properties.deploy.properties.steps.items, data: data108 };
                  if (vErrors === null) {
                    vErrors = [err205];
                  } else {
                    vErrors.push(err205);
                  }
                  errors++;
                }
                if (data108 < 1 || isNaN(data108)) {
                  const err206 = { instancePath: instancePath + "/deploy/steps/" + i5, schemaPath: "#/properties/deploy/properties/steps/items/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.deploy.properties.steps.items, data: data108 };
                  if (vErrors === null) {
                    vErrors = [err206];
                  } else {
                    vErrors.push(err206);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err207 = { instancePath: instancePath + "/deploy/steps", schemaPath: "#/properties/deploy/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.deploy.properties.steps.type, parentSchema: schema31.properties.deploy.properties.steps, data: data107 };
            if (vErrors === null) {
              vErrors = [err207];
            } else {
              vErrors.push(err207);
            }
            errors++;
          }
        }
        if (data104.interval !== void 0) {
          let data109 = data104.interval;
          const _errs250 = errors;
          let valid37 = false;
          const _errs251 = errors;
          if (typeof data109 == "number") {
            if (data109 <= 0 || isNaN(data109)) {
              const err208 = { instancePath: instancePath + "/deploy/interval", schemaPath: "#/properties/deploy/properties/interval/anyOf/0/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.interval.anyOf[0], data: data109 };
              if (vErrors === null) {
                vErrors = [err208];
              } else {
                vErrors.push(err208);
              }
              errors++;
            }
          } else {
            const err209 = { instancePath: instancePath + "/deploy/interval", schemaPath: "#/properties/deploy/properties/interval/anyOf/0/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.interval.anyOf[0].type, parentSchema: schema31.properties.deploy.properties.interval.anyOf[0], data: data109 };
            if (vErrors === null) {
              vErrors = [err209];
            } else {
              vErrors.push(err209);
            }
            errors++;
          }
          var _valid2 = _errs251 === errors;
          valid37 = valid37 || _valid2;
          const _errs253 = errors;
          if (typeof data109 === "string") {
            if (!pattern5.test(data109)) {
              const err210 = { instancePath: instancePath + "/deploy/interval", schemaPath: "#/properties/deploy/properties/interval/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" }, message: 'must match pattern "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$"', schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$", parentSchema: schema31.properties.deploy.properties.interval.anyOf[1], data: data109 };
              if (vErrors === null) {
                vErrors = [err210];
              } else {
                vErrors.push(err210);
              }
              errors++;
            }
          } else {
            const err211 = { instancePath: instancePath + "/deploy/interval", schemaPath: "#/properties/deploy/properties/interval/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.interval.anyOf[1].type, parentSchema: schema31.properties.deploy.properties.interval.anyOf[1], data: data109 };
            if (vErrors === null) {
              vErrors = [err211];
            } else {
              vErrors.push(err211);
            }
            errors++;
          }
          var _valid2 = _errs253 === errors;
          valid37 = valid37 || _valid2;
          if (!valid37) {
            const err212 = { instancePath: instancePath + "/deploy/interval", schemaPath: "#/properties/deploy/properties/interval/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema31.properties.deploy.properties.interval.anyOf, parentSchema: schema31.properties.deploy.properties.interval, data: data109 };
            if (vErrors === null) {
              vErrors = [err212];
            } else {
              vErrors.push(err212);
            }
            errors++;
          } else {
            errors = _errs250;
            if (vErrors !== null) {
              if (_errs250) {
                vErrors.length = _errs250;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data104.failure_limit !== void 0) {
          let data110 = data104.failure_limit;
          if (!(typeof data110 == "number" && (!(data110 % 1) && !isNaN(data110)))) {
            const err213 = { instancePath: instancePath + "/deploy/failure_limit", schemaPath: "#/properties/deploy/properties/failure_limit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.deploy.properties.failure_limit.type, parentSchema: schema31.properties.deploy.properties.failure_limit, data: data110 };
            if (vErrors === null) {
              vErrors = [err213];
            } else {
              vErrors.push(err213);
            }
            errors++;
          }
          if (typeof data110 == "number") {
            if (data110 < 0 || isNaN(data110)) {
              const err214 = { instancePath: instancePath + "/deploy/failure_limit", schemaPath: "#/properties/deploy/properties/failure_limit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.failure_limit, data: data110 };
              if (vErrors === null) {
                vErrors = [err214];
              } else {
                vErrors.push(err214);
              }
              errors++;
            }
          }
        }
        if (data104.replay !== void 0) {
          let data111 = data104.replay;
          if (typeof data111 !== "string") {
            const err215 = { instancePath: instancePath + "/deploy/replay", schemaPath: "#/properties/deploy/properties/replay/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.replay.type, parentSchema: schema31.properties.deploy.properties.replay, data: data111 };
            if (vErrors === null) {
              vErrors = [err215];
            } else {
              vErrors.push(err215);
            }
            errors++;
          }
        }
        if (data104.rate !== void 0) {
          let data112 = data104.rate;
          if (typeof data112 == "number") {
            if (data112 <= 0 || isNaN(data112)) {
              const err216 = { instancePath: instancePath + "/deploy/rate", schemaPath: "#/properties/deploy/properties/rate/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.rate, data: data112 };
              if (vErrors === null) {
                vErrors = [err216];
              } else {
                vErrors.push(err216);
              }
              errors++;
            }
          } else {
            const err217 = { instancePath: instancePath + "/deploy/rate", schemaPath: "#/properties/deploy/properties/rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.rate.type, parentSchema: schema31.properties.deploy.properties.rate, data: data112 };
            if (vErrors === null) {
              vErrors = [err217];
            } else {
              vErrors.push(err217);
            }
            errors++;
          }
        }
        if (data104.analysis !== void 0) {
          let data113 = data104.analysis;
          if (data113 && typeof data113 == "object" && !Array.isArray(data113)) {
            for (const key23 in data113) {
              if (!(key23 === "alpha" || key23 === "max_error_rate" || key23 === "max_p99_ratio" || key23 === "p99_slack_ms" || key23 === "max_divergence" || key23 === "min_requests")) {
                const err218 = { instancePath: instancePath + "/deploy/analysis", schemaPath: "#/properties/deploy/properties/analysis/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key23 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.deploy.properties.analysis, data: data113 };
                if (vErrors === null) {
                  vErrors = [err218];
                } else {
                  vErrors.push(err218);
                }
                errors++;
              }
            }
            if (data113.alpha !== void 0) {
              let data114 = data113.alpha;
              if (typeof data114 == "number") {
                if (data114 > 0.5 || isNaN(data114)) {
                  const err219 = { instancePath: instancePath + "/deploy/analysis/alpha", schemaPath: "#/properties/deploy/properties/analysis/properties/alpha/maximum", keyword: "maximum", params: { comparison: "<=", limit: 0.5 }, message: "must be <= 0.5", schema: 0.5, parentSchema: schema31.properties.deploy.properties.analysis.properties.alpha, data: data114 };
                  if (vErrors === null) {
                    vErrors = [err219];
                  } else {
                    vErrors.push(err219);
                  }
                  errors++;
                }
                if (data114 <= 0 || isNaN(data114)) {
                  const err220 = { instancePath: instancePath + "/deploy/analysis/alpha", schemaPath: "#/properties/deploy/properties/analysis/properties/alpha/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.analysis.properties.alpha, data: data114 };
                  if (vErrors === null) {
                    vErrors = [err220];
                  } else {
                    vErrors.push(err220);
                  }
                  errors++;
                }
              } else {
                const err221 = { instancePath: instancePath + "/deploy/analysis/alpha", schemaPath: "#/properties/deploy/properties/analysis/properties/alpha/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.analysis.properties.alpha.type, parentSchema: schema31.properties.deploy.properties.analysis.properties.alpha, data: data114 };
                if (vErrors === null) {
                  vErrors = [err221];
                } else {
                  vErrors.push(err221);
                }
                errors++;
              }
            }
            if (data113.max_error_rate !== void 0) {
              let data115 = data113.max_error_rate;
              if (typeof data115 == "number") {
                if (data115 > 1 || isNaN(data115)) {
                  const err222 = { instancePath: instancePath + "/deploy/analysis/max_error_rate", schemaPath: "#/properties/deploy/properties/analysis/properties/max_error_rate/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_error_rate, data: data115 };
                  if (vErrors === null) {
                    vErrors = [err222];
                  } else {
                    vErrors.push(err222);
                  }
                  errors++;
                }
                if (data115 < 0 || isNaN(data115)) {
                  const err223 = { instancePath: instancePath + "/deploy/analysis/max_error_rate", schemaPath: "#/properties/deploy/properties/analysis/properties/max_error_rate/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_error_rate, data: data115 };
                  if (vErrors === null) {
                    vErrors = [err223];
                  } else {
                    vErrors.push(err223);
                  }
                  errors++;
                }
              } else {
                const err224 = { instancePath: instancePath + "/deploy/analysis/max_error_rate", schemaPath: "#/properties/deploy/properties/analysis/properties/max_error_rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.analysis.properties.max_error_rate.type, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_error_rate, data: data115 };
                if (vErrors === null) {
                  vErrors = [err224];
                } else {
                  vErrors.push(err224);
                }
                errors++;
              }
            }
            if (data113.max_p99_ratio !== void 0) {
              let data116 = data113.max_p99_ratio;
              if (typeof data116 == "number") {
                if (data116 <= 0 || isNaN(data116)) {
                  const err225 = { instancePath: instancePath + "/deploy/analysis/max_p99_ratio", schemaPath: "#/properties/deploy/properties/analysis/properties/max_p99_ratio/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_p99_ratio, data: data116 };
                  if (vErrors === null) {
                    vErrors = [err225];
                  } else {
                    vErrors.push(err225);
                  }
                  errors++;
                }
              } else {
                const err226 = { instancePath: instancePath + "/deploy/analysis/max_p99_ratio", schemaPath: "#/properties/deploy/properties/analysis/properties/max_p99_ratio/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.analysis.properties.max_p99_ratio.type, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_p99_ratio, data: data116 };
                if (vErrors === null) {
                  vErrors = [err226];
                } else {
                  vErrors.push(err226);
                }
                errors++;
              }
            }
            if (data113.p99_slack_ms !== void 0) {
              let data117 = data113.p99_slack_ms;
              if (typeof data117 == "number") {
                if (data117 < 0 || isNaN(data117)) {
                  const err227 = { instancePath: instancePath + "/deploy/analysis/p99_slack_ms", schemaPath: "#/properties/deploy/properties/analysis/properties/p99_slack_ms/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.analysis.properties.p99_slack_ms, data: data117 };
                  if (vErrors === null) {
                    vErrors = [err227];
                  } else {
                    vErrors.push(err227);
                  }
                  errors++;
                }
              } else {
                const err228 = { instancePath: instancePath + "/deploy/analysis/p99_slack_ms", schemaPath: "#/properties/deploy/properties/analysis/properties/p99_slack_ms/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.analysis.properties.p99_slack_ms.type, parentSchema: schema31.properties.deploy.properties.analysis.properties.p99_slack_ms, data: data117 };
                if (vErrors === null) {
                  vErrors = [err228];
                } else {
                  vErrors.push(err228);
                }
                errors++;
              }
            }
            if (data113.max_divergence !== void 0) {
              let data118 = data113.max_divergence;
              if (typeof data118 == "number") {
                if (data118 > 1 || isNaN(data118)) {
                  const err229 = { instancePath: instancePath + "/deploy/analysis/max_divergence", schemaPath: "#/properties/deploy/properties/analysis/properties/max_divergence/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_divergence, data: data118 };
                  if (vErrors === null) {
                    vErrors = [err229];
                  } else {
                    vErrors.push(err229);
                  }
                  errors++;
                }
                if (data118 < 0 || isNaN(data118)) {
                  const err230 = { instancePath: instancePath + "/deploy/analysis/max_divergence", schemaPath: "#/properties/deploy/properties/analysis/properties/max_divergence/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_divergence, data: data118 };
                  if (vErrors === null) {
                    vErrors = [err230];
                  } else {
                    vErrors.push(err230);
                  }
                  errors++;
                }
              } else {
                const err231 = { instancePath: instancePath + "/deploy/analysis/max_divergence", schemaPath: "#/properties/deploy/properties/analysis/properties/max_divergence/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.analysis.properties.max_divergence.type, parentSchema: schema31.properties.deploy.properties.analysis.properties.max_divergence, data: data118 };
                if (vErrors === null) {
                  vErrors = [err231];
                } else {
                  vErrors.push(err231);
                }
                errors++;
              }
            }
            if (data113.min_requests !== void 0) {
              let data119 = data113.min_requests;
              if (!(typeof data119 == "number" && (!(data119 % 1) && !isNaN(data119)))) {
                const err232 = { instancePath: instancePath + "/deploy/analysis/min_requests", schemaPath: "#/properties/deploy/properties/analysis/properties/min_requests/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.deploy.properties.analysis.properties.min_requests.type, parentSchema: schema31.properties.deploy.properties.analysis.properties.min_requests, data: data119 };
                if (vErrors === null) {
                  vErrors = [err232];
                } else {
                  vErrors.push(err232);
                }
                errors++;
              }
              if (typeof data119 == "number") {
                if (data119 < 0 || isNaN(data119)) {
                  const err233 = { instancePath: instancePath + "/deploy/analysis/min_requests", schemaPath: "#/properties/deploy/properties/analysis/properties/min_requests/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.analysis.properties.min_requests, data: data119 };
                  if (vErrors === null) {
                    vErrors = [err233];
                  } else {
                    vErrors.push(err233);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err234 = { instancePath: instancePath + "/deploy/analysis", schemaPath: "#/properties/deploy/properties/analysis/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.deploy.properties.analysis.type, parentSchema: schema31.properties.deploy.properties.analysis, data: data113 };
            if (vErrors === null) {
              vErrors = [err234];
            } else {
              vErrors.push(err234);
            }
            errors++;
          }
        }
        if (data104.kserve !== void 0) {
          let data120 = data104.kserve;
          if (data120 && typeof data120 == "object" && !Array.isArray(data120)) {
            for (const key24 in data120) {
              if (!(key24 === "namespace" || key24 === "storage_uri" || key24 === "runtime" || key24 === "onnxruntime")) {
                const err235 = { instancePath: instancePath + "/deploy/kserve", schemaPath: "#/properties/deploy/properties/kserve/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key24 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.deploy.properties.kserve, data: data120 };
                if (vErrors === null) {
                  vErrors = [err235];
                } else {
                  vErrors.push(err235);
                }
                errors++;
              }
            }
            if (data120.namespace !== void 0) {
              let data121 = data120.namespace;
              if (typeof data121 !== "string") {
                const err236 = { instancePath: instancePath + "/deploy/kserve/namespace", schemaPath: "#/properties/deploy/properties/kserve/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.kserve.properties.namespace.type, parentSchema: schema31.properties.deploy.properties.kserve.properties.namespace, data: data121 };
                if (vErrors === null) {
                  vErrors = [err236];
                } else {
                  vErrors.push(err236);
                }
                errors++;
              }
            }
            if (data120.storage_uri !== void 0) {
              let data122 = data120.storage_uri;
              if (typeof data122 !== "string") {
                const err237 = { instancePath: instancePath + "/deploy/kserve/storage_uri", schemaPath: "#/properties/deploy/properties/kserve/properties/storage_uri/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.kserve.properties.storage_uri.type, parentSchema: schema31.properties.deploy.properties.kserve.properties.storage_uri, data: data122 };
                if (vErrors === null) {
                  vErrors = [err237];
                } else {
                  vErrors.push(err237);
                }
                errors++;
              }
            }
            if (data120.runtime !== void 0) {
              let data123 = data120.runtime;
              if (typeof data123 !== "string") {
                const err238 = { instancePath: instancePath + "/deploy/kserve/runtime", schemaPath: "#/properties/deploy/properties/kserve/properties/runtime/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.kserve.properties.runtime.type, parentSchema: schema31.properties.deploy.properties.kserve.properties.runtime, data: data123 };
                if (vErrors === null) {
                  vErrors = [err238];
                } else {
                  vErrors.push(err238);
                }
                errors++;
              }
            }
            if (data120.onnxruntime !== void 0) {
              let data124 = data120.onnxruntime;
              if (typeof data124 === "string") {
                if (!pattern9.test(data124)) {
                  const err239 = { instancePath: instancePath + "/deploy/kserve/onnxruntime", schemaPath: "#/properties/deploy/properties/kserve/properties/onnxruntime/pattern", keyword: "pattern", params: { pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema31.properties.deploy.properties.kserve.properties.onnxruntime, data: data124 };
                  if (vErrors === null) {
                    vErrors = [err239];
                  } else {
                    vErrors.push(err239);
                  }
                  errors++;
                }
              } else {
                const err240 = { instancePath: instancePath + "/deploy/kserve/onnxruntime", schemaPath: "#/properties/deploy/properties/kserve/properties/onnxruntime/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.kserve.properties.onnxruntime.type, parentSchema: schema31.properties.deploy.properties.kserve.properties.onnxruntime, data: data124 };
                if (vErrors === null) {
                  vErrors = [err240];
                } else {
                  vErrors.push(err240);
                }
                errors++;
              }
            }
          } else {
            const err241 = { instancePath: instancePath + "/deploy/kserve", schemaPath: "#/properties/deploy/properties/kserve/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.deploy.properties.kserve.type, parentSchema: schema31.properties.deploy.properties.kserve, data: data120 };
            if (vErrors === null) {
              vErrors = [err241];
            } else {
              vErrors.push(err241);
            }
            errors++;
          }
        }
        if (data104.load_test !== void 0) {
          let data125 = data104.load_test;
          if (data125 && typeof data125 == "object" && !Array.isArray(data125)) {
            for (const key25 in data125) {
              if (!(key25 === "rate" || key25 === "headroom" || key25 === "duration" || key25 === "ramp" || key25 === "objectives")) {
                const err242 = { instancePath: instancePath + "/deploy/load_test", schemaPath: "#/properties/deploy/properties/load_test/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key25 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.deploy.properties.load_test, data: data125 };
                if (vErrors === null) {
                  vErrors = [err242];
                } else {
                  vErrors.push(err242);
                }
                errors++;
              }
            }
            if (data125.rate !== void 0) {
              let data126 = data125.rate;
              if (typeof data126 == "number") {
                if (data126 <= 0 || isNaN(data126)) {
                  const err243 = { instancePath: instancePath + "/deploy/load_test/rate", schemaPath: "#/properties/deploy/properties/load_test/properties/rate/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.rate, data: data126 };
                  if (vErrors === null) {
                    vErrors = [err243];
                  } else {
                    vErrors.push(err243);
                  }
                  errors++;
                }
              } else {
                const err244 = { instancePath: instancePath + "/deploy/load_test/rate", schemaPath: "#/properties/deploy/properties/load_test/properties/rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.rate.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.rate, data: data126 };
                if (vErrors === null) {
                  vErrors = [err244];
                } else {
                  vErrors.push(err244);
                }
                errors++;
              }
            }
            if (data125.headroom !== void 0) {
              let data127 = data125.headroom;
              if (typeof data127 == "number") {
                if (data127 < 1 || isNaN(data127)) {
                  const err245 = { instancePath: instancePath + "/deploy/load_test/headroom", schemaPath: "#/properties/deploy/properties/load_test/properties/headroom/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.deploy.properties.load_test.properties.headroom, data: data127 };
                  if (vErrors === null) {
                    vErrors = [err245];
                  } else {
                    vErrors.push(err245);
                  }
                  errors++;
                }
              } else {
                const err246 = { instancePath: instancePath + "/deploy/load_test/headroom", schemaPath: "#/properties/deploy/properties/load_test/properties/headroom/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.headroom.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.headroom, data: data127 };
                if (vErrors === null) {
                  vErrors = [err246];
                } else {
                  vErrors.push(err246);
                }
                errors++;
              }
            }
            if (data125.duration !== void 0) {
              let data128 = data125.duration;
              const _errs295 = errors;
              let valid41 = false;
              const _errs296 = errors;
              if (typeof data128 == "number") {
                if (data128 <= 0 || isNaN(data128)) {
                  const err247 = { instancePath: instancePath + "/deploy/load_test/duration", schemaPath: "#/properties/deploy/properties/load_test/properties/duration/anyOf/0/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf[0], data: data128 };
                  if (vErrors === null) {
                    vErrors = [err247];
                  } else {
                    vErrors.push(err247);
                  }
                  errors++;
                }
              } else {
                const err248 = { instancePath: instancePath + "/deploy/load_test/duration", schemaPath: "#/properties/deploy/properties/load_test/properties/duration/anyOf/0/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf[0].type, parentSchema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf[0], data: data128 };
                if (vErrors === null) {
                  vErrors = [err248];
                } else {
                  vErrors.push(err248);
                }
                errors++;
              }
              var _valid3 = _errs296 === errors;
              valid41 = valid41 || _valid3;
              const _errs298 = errors;
              if (typeof data128 === "string") {
                if (!pattern5.test(data128)) {
                  const err249 = { instancePath: instancePath + "/deploy/load_test/duration", schemaPath: "#/properties/deploy/properties/load_test/properties/duration/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" }, message: 'must match pattern "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$"', schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$", parentSchema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf[1], data: data128 };
                  if (vErrors === null) {
                    vErrors = [err249];
                  } else {
                    vErrors.push(err249);
                  }
                  errors++;
                }
              } else {
                const err250 = { instancePath: instancePath + "/deploy/load_test/duration", schemaPath: "#/properties/deploy/properties/load_test/properties/duration/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf[1].type, parentSchema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf[1], data: data128 };
                if (vErrors === null) {
                  vErrors = [err250];
                } else {
                  vErrors.push(err250);
                }
                errors++;
              }
              var _valid3 = _errs298 === errors;
              valid41 = valid41 || _valid3;
              if (!valid41) {
                const err251 = { instancePath: instancePath + "/deploy/load_test/duration", schemaPath: "#/properties/deploy/properties/load_test/properties/duration/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema31.properties.deploy.properties.load_test.properties.duration.anyOf, parentSchema: schema31.properties.deploy.properties.load_test.properties.duration, data: data128 };
                if (vErrors === null) {
                  vErrors = [err251];
                } else {
                  vErrors.push(err251);
                }
                errors++;
              } else {
                errors = _errs295;
                if (vErrors !== null) {
                  if (_errs295) {
                    vErrors.length = _errs295;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data125.ramp !== void 0) {
              let data129 = data125.ramp;
              if (Array.isArray(data129)) {
                const len6 = data129.length;
                for (let i6 = 0; i6 < len6; i6++) {
                  let data130 = data129[i6];
                  if (typeof data130 == "number") {
                    if (data130 >= 1 || isNaN(data130)) {
                      const err252 = { instancePath: instancePath + "/deploy/load_test/ramp/" + i6, schemaPath: "#/properties/deploy/properties/load_test/properties/ramp/items/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema31.properties.deploy.properties.load_test.properties.ramp.items, data: data130 };
                      if (vErrors === null) {
                        vErrors = [err252];
                      } else {
                        vErrors.push(err252);
                      }
                      errors++;
                    }
                    if (data130 <= 0 || isNaN(data130)) {
                      const err253 = { instancePath: instancePath + "/deploy/load_test/ramp/" + i6, schemaPath: "#/properties/deploy/properties/load_test/properties/ramp/items/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.ramp.items, data: data130 };
                      if (vErrors === null) {
                        vErrors = [err253];
                      } else {
                        vErrors.push(err253);
                      }
                      errors++;
                    }
                  } else {
                    const err254 = { instancePath: instancePath + "/deploy/load_test/ramp/" + i6, schemaPath: "#/properties/deploy/properties/load_test/properties/ramp/items/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.ramp.items.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.ramp.items, data: data130 };
                    if (vErrors === null) {
                      vErrors = [err254];
                    } else {
                      vErrors.push(err254);
                    }
                    errors++;
                  }
                }
              } else {
                const err255 = { instancePath: instancePath + "/deploy/load_test/ramp", schemaPath: "#/properties/deploy/properties/load_test/properties/ramp/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.deploy.properties.load_test.properties.ramp.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.ramp, data: data129 };
                if (vErrors === null) {
                  vErrors = [err255];
                } else {
                  vErrors.push(err255);
                }
                errors++;
              }
            }
            if (data125.objectives !== void 0) {
              let data131 = data125.objectives;
              if (data131 && typeof data131 == "object" && !Array.isArray(data131)) {
                for (const key26 in data131) {
                  if (!(key26 === "max_p99_ms" || key26 === "min_rps" || key26 === "max_error_rate" || key26 === "max_p99_ratio_vs_stable" || key26 === "p99_slack_ms")) {
                    const err256 = { instancePath: instancePath + "/deploy/load_test/objectives", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key26 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives, data: data131 };
                    if (vErrors === null) {
                      vErrors = [err256];
                    } else {
                      vErrors.push(err256);
                    }
                    errors++;
                  }
                }
                if (data131.max_p99_ms !== void 0) {
                  let data132 = data131.max_p99_ms;
                  if (typeof data132 == "number") {
                    if (data132 <= 0 || isNaN(data132)) {
                      const err257 = { instancePath: instancePath + "/deploy/load_test/objectives/max_p99_ms", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_p99_ms/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_p99_ms, data: data132 };
                      if (vErrors === null) {
                        vErrors = [err257];
                      } else {
                        vErrors.push(err257);
                      }
                      errors++;
                    }
                  } else {
                    const err258 = { instancePath: instancePath + "/deploy/load_test/objectives/max_p99_ms", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_p99_ms/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_p99_ms.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_p99_ms, data: data132 };
                    if (vErrors === null) {
                      vErrors = [err258];
                    } else {
                      vErrors.push(err258);
                    }
                    errors++;
                  }
                }
                if (data131.min_rps !== void 0) {
                  let data133 = data131.min_rps;
                  if (typeof data133 == "number") {
                    if (data133 <= 0 || isNaN(data133)) {
                      const err259 = { instancePath: instancePath + "/deploy/load_test/objectives/min_rps", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/min_rps/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.min_rps, data: data133 };
                      if (vErrors === null) {
                        vErrors = [err259];
                      } else {
                        vErrors.push(err259);
                      }
                      errors++;
                    }
                  } else {
                    const err260 = { instancePath: instancePath + "/deploy/load_test/objectives/min_rps", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/min_rps/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.min_rps.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.min_rps, data: data133 };
                    if (vErrors === null) {
                      vErrors = [err260];
                    } else {
                      vErrors.push(err260);
                    }
                    errors++;
                  }
                }
                if (data131.max_error_rate !== void 0) {
                  let data134 = data131.max_error_rate;
                  if (typeof data134 == "number") {
                    if (data134 > 1 || isNaN(data134)) {
                      const err261 = { instancePath: instancePath + "/deploy/load_test/objectives/max_error_rate", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_error_rate/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_error_rate, data: data134 };
                      if (vErrors === null) {
                        vErrors = [err261];
                      } else {
                        vErrors.push(err261);
                      }
                      errors++;
                    }
                    if (data134 < 0 || isNaN(data134)) {
                      const err262 = { instancePath: instancePath + "/deploy/load_test/objectives/max_error_rate", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_error_rate/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_error_rate, data: data134 };
                      if (vErrors === null) {
                        vErrors = [err262];
                      } else {
                        vErrors.push(err262);
                      }
                      errors++;
                    }
                  } else {
                    const err263 = { instancePath: instancePath + "/deploy/load_test/objectives/max_error_rate", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_error_rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_error_rate.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_error_rate, data: data134 };
                    if (vErrors === null) {
                      vErrors = [err263];
                    } else {
                      vErrors.push(err263);
                    }
                    errors++;
                  }
                }
                if (data131.max_p99_ratio_vs_stable !== void 0) {
                  let data135 = data131.max_p99_ratio_vs_stable;
                  if (typeof data135 == "number") {
                    if (data135 <= 0 || isNaN(data135)) {
                      const err264 = { instancePath: instancePath + "/deploy/load_test/objectives/max_p99_ratio_vs_stable", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_p99_ratio_vs_stable/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_p99_ratio_vs_stable, data: data135 };
                      if (vErrors === null) {
                        vErrors = [err264];
                      } else {
                        vErrors.push(err264);
                      }
                      errors++;
                    }
                  } else {
                    const err265 = { instancePath: instancePath + "/deploy/load_test/objectives/max_p99_ratio_vs_stable", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/max_p99_ratio_vs_stable/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_p99_ratio_vs_stable.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.max_p99_ratio_vs_stable, data: data135 };
                    if (vErrors === null) {
                      vErrors = [err265];
                    } else {
                      vErrors.push(err265);
                    }
                    errors++;
                  }
                }
                if (data131.p99_slack_ms !== void 0) {
                  let data136 = data131.p99_slack_ms;
                  if (typeof data136 == "number") {
                    if (data136 < 0 || isNaN(data136)) {
                      const err266 = { instancePath: instancePath + "/deploy/load_test/objectives/p99_slack_ms", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/p99_slack_ms/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.p99_slack_ms, data: data136 };
                      if (vErrors === null) {
                        vErrors = [err266];
                      } else {
                        vErrors.push(err266);
                      }
                      errors++;
                    }
                  } else {
                    const err267 = { instancePath: instancePath + "/deploy/load_test/objectives/p99_slack_ms", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/properties/p99_slack_ms/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.p99_slack_ms.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives.properties.p99_slack_ms, data: data136 };
                    if (vErrors === null) {
                      vErrors = [err267];
                    } else {
                      vErrors.push(err267);
                    }
                    errors++;
                  }
                }
              } else {
                const err268 = { instancePath: instancePath + "/deploy/load_test/objectives", schemaPath: "#/properties/deploy/properties/load_test/properties/objectives/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.deploy.properties.load_test.properties.objectives.type, parentSchema: schema31.properties.deploy.properties.load_test.properties.objectives, data: data131 };
                if (vErrors === null) {
                  vErrors = [err268];
                } else {
                  vErrors.push(err268);
                }
                errors++;
              }
            }
          } else {
            const err269 = { instancePath: instancePath + "/deploy/load_test", schemaPath: "#/properties/deploy/properties/load_test/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.deploy.properties.load_test.type, parentSchema: schema31.properties.deploy.properties.load_test, data: data125 };
            if (vErrors === null) {
              vErrors = [err269];
            } else {
              vErrors.push(err269);
            }
            errors++;
          }
        }
      } else {
        const err270 = { instancePath: instancePath + "/deploy", schemaPath: "#/properties/deploy/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.deploy.type, parentSchema: schema31.properties.deploy, data: data104 };
        if (vErrors === null) {
          vErrors = [err270];
        } else {
          vErrors.push(err270);
        }
        errors++;
      }
    }
    if (data.monitor !== void 0) {
      let data137 = data.monitor;
      if (data137 && typeof data137 == "object" && !Array.isArray(data137)) {
        for (const key27 in data137) {
          if (!func3.call(schema31.properties.monitor.properties, key27)) {
            const err271 = { instancePath: instancePath + "/monitor", schemaPath: "#/properties/monitor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key27 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.monitor, data: data137 };
            if (vErrors === null) {
              vErrors = [err271];
            } else {
              vErrors.push(err271);
            }
            errors++;
          }
        }
        if (data137.log !== void 0) {
          let data138 = data137.log;
          if (typeof data138 !== "string") {
            const err272 = { instancePath: instancePath + "/monitor/log", schemaPath: "#/properties/monitor/properties/log/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.log.type, parentSchema: schema31.properties.monitor.properties.log, data: data138 };
            if (vErrors === null) {
              vErrors = [err272];
            } else {
              vErrors.push(err272);
            }
            errors++;
          }
        }
        if (data137.data !== void 0) {
          let data139 = data137.data;
          if (typeof data139 !== "string") {
            const err273 = { instancePath: instancePath + "/monitor/data", schemaPath: "#/properties/monitor/properties/data/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.data.type, parentSchema: schema31.properties.monitor.properties.data, data: data139 };
            if (vErrors === null) {
              vErrors = [err273];
            } else {
              vErrors.push(err273);
            }
            errors++;
          }
        }
        if (data137.labels !== void 0) {
          let data140 = data137.labels;
          if (typeof data140 !== "string") {
            const err274 = { instancePath: instancePath + "/monitor/labels", schemaPath: "#/properties/monitor/properties/labels/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.labels.type, parentSchema: schema31.properties.monitor.properties.labels, data: data140 };
            if (vErrors === null) {
              vErrors = [err274];
            } else {
              vErrors.push(err274);
            }
            errors++;
          }
        }
        if (data137.label !== void 0) {
          let data141 = data137.label;
          if (typeof data141 !== "string") {
            const err275 = { instancePath: instancePath + "/monitor/label", schemaPath: "#/properties/monitor/properties/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.label.type, parentSchema: schema31.properties.monitor.properties.label, data: data141 };
            if (vErrors === null) {
              vErrors = [err275];
            } else {
              vErrors.push(err275);
            }
            errors++;
          }
        }
        if (data137.id_column !== void 0) {
          let data142 = data137.id_column;
          if (typeof data142 !== "string") {
            const err276 = { instancePath: instancePath + "/monitor/id_column", schemaPath: "#/properties/monitor/properties/id_column/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.id_column.type, parentSchema: schema31.properties.monitor.properties.id_column, data: data142 };
            if (vErrors === null) {
              vErrors = [err276];
            } else {
              vErrors.push(err276);
            }
            errors++;
          }
        }
        if (data137.since !== void 0) {
          let data143 = data137.since;
          if (typeof data143 !== "string") {
            const err277 = { instancePath: instancePath + "/monitor/since", schemaPath: "#/properties/monitor/properties/since/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.since.type, parentSchema: schema31.properties.monitor.properties.since, data: data143 };
            if (vErrors === null) {
              vErrors = [err277];
            } else {
              vErrors.push(err277);
            }
            errors++;
          }
        }
        if (data137.min_rows !== void 0) {
          let data144 = data137.min_rows;
          if (!(typeof data144 == "number" && (!(data144 % 1) && !isNaN(data144)))) {
            const err278 = { instancePath: instancePath + "/monitor/min_rows", schemaPath: "#/properties/monitor/properties/min_rows/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.monitor.properties.min_rows.type, parentSchema: schema31.properties.monitor.properties.min_rows, data: data144 };
            if (vErrors === null) {
              vErrors = [err278];
            } else {
              vErrors.push(err278);
            }
            errors++;
          }
          if (typeof data144 == "number") {
            if (data144 < 1 || isNaN(data144)) {
              const err279 = { instancePath: instancePath + "/monitor/min_rows", schemaPath: "#/properties/monitor/properties/min_rows/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.monitor.properties.min_rows, data: data144 };
              if (vErrors === null) {
                vErrors = [err279];
              } else {
                vErrors.push(err279);
              }
              errors++;
            }
          }
        }
        if (data137.drift_share !== void 0) {
          let data145 = data137.drift_share;
          if (typeof data145 == "number") {
            if (data145 > 1 || isNaN(data145)) {
              const err280 = { instancePath: instancePath + "/monitor/drift_share", schemaPath: "#/properties/monitor/properties/drift_share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema31.properties.monitor.properties.drift_share, data: data145 };
              if (vErrors === null) {
                vErrors = [err280];
              } else {
                vErrors.push(err280);
              }
              errors++;
            }
            if (data145 < 0 || isNaN(data145)) {
              const err281 = { instancePath: instancePath + "/monitor/drift_share", schemaPath: "#/properties/monitor/properties/drift_share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.monitor.properties.drift_share, data: data145 };
              if (vErrors === null) {
                vErrors = [err281];
              } else {
                vErrors.push(err281);
              }
              errors++;
            }
          } else {
            const err282 = { instancePath: instancePath + "/monitor/drift_share", schemaPath: "#/properties/monitor/properties/drift_share/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.monitor.properties.drift_share.type, parentSchema: schema31.properties.monitor.properties.drift_share, data: data145 };
            if (vErrors === null) {
              vErrors = [err282];
            } else {
              vErrors.push(err282);
            }
            errors++;
          }
        }
        if (data137.max_metric_drop !== void 0) {
          let data146 = data137.max_metric_drop;
          if (data146 && typeof data146 == "object" && !Array.isArray(data146)) {
            for (const key28 in data146) {
              const _errs338 = errors;
              if (typeof key28 === "string") {
                if (!pattern6.test(key28)) {
                  const err283 = { instancePath: instancePath + "/monitor/max_metric_drop", schemaPath: "#/properties/monitor/properties/max_metric_drop/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_]*$" }, message: 'must match pattern "^[a-z][a-z0-9_]*$"', schema: "^[a-z][a-z0-9_]*$", parentSchema: schema31.properties.monitor.properties.max_metric_drop.propertyNames, data: key28, propertyName: key28 };
                  if (vErrors === null) {
                    vErrors = [err283];
                  } else {
                    vErrors.push(err283);
                  }
                  errors++;
                }
              }
              var valid46 = _errs338 === errors;
              if (!valid46) {
                const err284 = { instancePath: instancePath + "/monitor/max_metric_drop", schemaPath: "#/properties/monitor/properties/max_metric_drop/propertyNames", keyword: "propertyNames", params: { propertyName: key28 }, message: "property name must be valid", schema: schema31.properties.monitor.properties.max_metric_drop.propertyNames, parentSchema: schema31.properties.monitor.properties.max_metric_drop, data: data146 };
                if (vErrors === null) {
                  vErrors = [err284];
                } else {
                  vErrors.push(err284);
                }
                errors++;
              }
            }
            for (const key29 in data146) {
              let data147 = data146[key29];
              if (data147 && typeof data147 == "object" && !Array.isArray(data147)) {
                if (Object.keys(data147).length < 1) {
                  const err285 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties, data: data147 };
                  if (vErrors === null) {
                    vErrors = [err285];
                  } else {
                    vErrors.push(err285);
                  }
                  errors++;
                }
                for (const key30 in data147) {
                  if (!(key30 === "min" || key30 === "max" || key30 === "max_drop" || key30 === "max_rise" || key30 === "min_relative_change")) {
                    const err286 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key30 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties, data: data147 };
                    if (vErrors === null) {
                      vErrors = [err286];
                    } else {
                      vErrors.push(err286);
                    }
                    errors++;
                  }
                }
                if (data147.min !== void 0) {
                  let data148 = data147.min;
                  if (!(typeof data148 == "number")) {
                    const err287 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/min", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.min.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.min, data: data148 };
                    if (vErrors === null) {
                      vErrors = [err287];
                    } else {
                      vErrors.push(err287);
                    }
                    errors++;
                  }
                }
                if (data147.max !== void 0) {
                  let data149 = data147.max;
                  if (!(typeof data149 == "number")) {
                    const err288 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/max", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max, data: data149 };
                    if (vErrors === null) {
                      vErrors = [err288];
                    } else {
                      vErrors.push(err288);
                    }
                    errors++;
                  }
                }
                if (data147.max_drop !== void 0) {
                  let data150 = data147.max_drop;
                  if (typeof data150 == "number") {
                    if (data150 < 0 || isNaN(data150)) {
                      const err289 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_drop", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/max_drop/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max_drop, data: data150 };
                      if (vErrors === null) {
                        vErrors = [err289];
                      } else {
                        vErrors.push(err289);
                      }
                      errors++;
                    }
                  } else {
                    const err290 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_drop", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/max_drop/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max_drop.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max_drop, data: data150 };
                    if (vErrors === null) {
                      vErrors = [err290];
                    } else {
                      vErrors.push(err290);
                    }
                    errors++;
                  }
                }
                if (data147.max_rise !== void 0) {
                  let data151 = data147.max_rise;
                  if (typeof data151 == "number") {
                    if (data151 < 0 || isNaN(data151)) {
                      const err291 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_rise", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/max_rise/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max_rise, data: data151 };
                      if (vErrors === null) {
                        vErrors = [err291];
                      } else {
                        vErrors.push(err291);
                      }
                      errors++;
                    }
                  } else {
                    const err292 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/max_rise", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/max_rise/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max_rise.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.max_rise, data: data151 };
                    if (vErrors === null) {
                      vErrors = [err292];
                    } else {
                      vErrors.push(err292);
                    }
                    errors++;
                  }
                }
                if (data147.min_relative_change !== void 0) {
                  let data152 = data147.min_relative_change;
                  if (!(typeof data152 == "number")) {
                    const err293 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_relative_change", schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/properties/min_relative_change/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.min_relative_change.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.properties.min_relative_change, data: data152 };
                    if (vErrors === null) {
                      vErrors = [err293];
                    } else {
                      vErrors.push(err293);
                    }
                    errors++;
                  }
                }
              } else {
                const err294 = { instancePath: instancePath + "/monitor/max_metric_drop/" + key29.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/monitor/properties/max_metric_drop/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop.additionalProperties, data: data147 };
                if (vErrors === null) {
                  vErrors = [err294];
                } else {
                  vErrors.push(err294);
                }
                errors++;
              }
            }
          } else {
            const err295 = { instancePath: instancePath + "/monitor/max_metric_drop", schemaPath: "#/properties/monitor/properties/max_metric_drop/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.monitor.properties.max_metric_drop.type, parentSchema: schema31.properties.monitor.properties.max_metric_drop, data: data146 };
            if (vErrors === null) {
              vErrors = [err295];
            } else {
              vErrors.push(err295);
            }
            errors++;
          }
        }
        if (data137.trigger !== void 0) {
          let data153 = data137.trigger;
          if (data153 && typeof data153 == "object" && !Array.isArray(data153)) {
            for (const key31 in data153) {
              if (!(key31 === "kind" || key31 === "workflow" || key31 === "ref" || key31 === "event_type")) {
                const err296 = { instancePath: instancePath + "/monitor/trigger", schemaPath: "#/properties/monitor/properties/trigger/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key31 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.monitor.properties.trigger, data: data153 };
                if (vErrors === null) {
                  vErrors = [err296];
                } else {
                  vErrors.push(err296);
                }
                errors++;
              }
            }
            if (data153.kind !== void 0) {
              let data154 = data153.kind;
              if (typeof data154 !== "string") {
                const err297 = { instancePath: instancePath + "/monitor/trigger/kind", schemaPath: "#/properties/monitor/properties/trigger/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.trigger.properties.kind.type, parentSchema: schema31.properties.monitor.properties.trigger.properties.kind, data: data154 };
                if (vErrors === null) {
                  vErrors = [err297];
                } else {
                  vErrors.push(err297);
                }
                errors++;
              }
              if (!(data154 === "workflow_dispatch" || data154 === "repository_dispatch" || data154 === "none")) {
                const err298 = { instancePath: instancePath + "/monitor/trigger/kind", schemaPath: "#/properties/monitor/properties/trigger/properties/kind/enum", keyword: "enum", params: { allowedValues: schema31.properties.monitor.properties.trigger.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.monitor.properties.trigger.properties.kind.enum, parentSchema: schema31.properties.monitor.properties.trigger.properties.kind, data: data154 };
                if (vErrors === null) {
                  vErrors = [err298];
                } else {
                  vErrors.push(err298);
                }
                errors++;
              }
            }
            if (data153.workflow !== void 0) {
              let data155 = data153.workflow;
              if (typeof data155 !== "string") {
                const err299 = { instancePath: instancePath + "/monitor/trigger/workflow", schemaPath: "#/properties/monitor/properties/trigger/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.trigger.properties.workflow.type, parentSchema: schema31.properties.monitor.properties.trigger.properties.workflow, data: data155 };
                if (vErrors === null) {
                  vErrors = [err299];
                } else {
                  vErrors.push(err299);
                }
                errors++;
              }
            }
            if (data153.ref !== void 0) {
              let data156 = data153.ref;
              if (typeof data156 !== "string") {
                const err300 = { instancePath: instancePath + "/monitor/trigger/ref", schemaPath: "#/properties/monitor/properties/trigger/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.trigger.properties.ref.type, parentSchema: schema31.properties.monitor.properties.trigger.properties.ref, data: data156 };
                if (vErrors === null) {
                  vErrors = [err300];
                } else {
                  vErrors.push(err300);
                }
                errors++;
              }
            }
            if (data153.event_type !== void 0) {
              let data157 = data153.event_type;
              if (typeof data157 !== "string") {
                const err301 = { instancePath: instancePath + "/monitor/trigger/event_type", schemaPath: "#/properties/monitor/properties/trigger/properties/event_type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.monitor.properties.trigger.properties.event_type.type, parentSchema: schema31.properties.monitor.properties.trigger.properties.event_type, data: data157 };
                if (vErrors === null) {
                  vErrors = [err301];
                } else {
                  vErrors.push(err301);
                }
                errors++;
              }
            }
          } else {
            const err302 = { instancePath: instancePath + "/monitor/trigger", schemaPath: "#/properties/monitor/properties/trigger/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.monitor.properties.trigger.type, parentSchema: schema31.properties.monitor.properties.trigger, data: data153 };
            if (vErrors === null) {
              vErrors = [err302];
            } else {
              vErrors.push(err302);
            }
            errors++;
          }
        }
      } else {
        const err303 = { instancePath: instancePath + "/monitor", schemaPath: "#/properties/monitor/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.monitor.type, parentSchema: schema31.properties.monitor, data: data137 };
        if (vErrors === null) {
          vErrors = [err303];
        } else {
          vErrors.push(err303);
        }
        errors++;
      }
    }
  } else {
    const err304 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err304];
    } else {
      vErrors.push(err304);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/config/load.ts
var CONFIG_FILE = DEFAULT_CONFIG_FILES[0];
async function loadConfig(named) {
  const path = configFileOr(named);
  let text;
  try {
    text = await readLimited(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = error.code;
    if (code === "ENOENT")
      throw new ConfigError(`${path}: not found (run \`mlci init\` to write a starter file)`);
    if (code === "EISDIR") throw new ConfigError(`${path}: is a directory, expected a YAML file`);
    throw new ConfigError(`${path}: cannot be read (${code ?? String(error)})`);
  }
  return resolveConfigPaths(parseConfig(text, path), dirname(path));
}
async function readLimited(path) {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) throw tooBig(path, (await handle.stat()).size || length);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await handle.close();
  }
}
async function loadOptionalConfig(path, explicit = false) {
  if (!path) return existingDefaultConfigs().length > 0 ? loadConfig() : null;
  if (!explicit && !existsSync2(path)) return null;
  return loadConfig(path);
}
function parseConfig(text, source = CONFIG_FILE) {
  const empty = new ConfigError(
    `${source}: the file is empty; expected at least \`version: 1\` and a \`model:\` section`
  );
  if (text.trim() === "") throw empty;
  checkConfigText(text, source);
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    logLevel: "error",
    resolveKnownTags: false
  });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new ConfigError(`${source}:${pos.line}:${pos.col}: invalid YAML: ${reason}`);
  }
  checkUniqueKeys(doc, lineCounter, source);
  if (doc.contents === null) throw empty;
  const value = toValue(doc, lineCounter, source);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(
      `${source}: expected a mapping of keys (version, model, data, …), got ${describeValue(value)}`
    );
  }
  checkFinite(value, [], doc, lineCounter, source);
  if (!validate(value)) {
    const error = mostRelevant(validate.errors ?? []);
    throw new ConfigError(formatSchemaError(error, value, doc, lineCounter, source));
  }
  const config = value;
  checkRules(config, doc, lineCounter, source);
  return config;
}
function checkUniqueKeys(doc, lineCounter, source) {
  (0, import_yaml.visit)(doc, {
    Map(_key, map) {
      const seen = /* @__PURE__ */ new Set();
      for (const { key } of map.items) {
        if (!(0, import_yaml.isScalar)(key)) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          const pos = lineCounter.linePos(key.range?.[0] ?? 0);
          throw new ConfigError(
            `${source}:${pos.line}:${pos.col}: invalid YAML: duplicate key ${JSON.stringify(String(key.value))}: map keys must be unique`
          );
        }
        seen.add(name);
      }
    }
  });
}
function checkFinite(value, path, doc, lineCounter, source) {
  if (typeof value === "number" && !Number.isFinite(value)) {
    const where = locate(doc, lineCounter, path, source, false);
    throw new ConfigError(`${where}: ${path.join(".")}: got ${value}, not a finite number`);
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value))
    checkFinite(item, [...path, Array.isArray(value) ? Number(key) : key], doc, lineCounter, source);
}
function toValue(doc, lineCounter, source) {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let where = source;
    (0, import_yaml.visit)(doc, {
      Alias(_key, node) {
        if (node.range) where = `${source}:${lineCounter.linePos(node.range[0]).line}`;
        return import_yaml.visit.BREAK;
      }
    });
    throw new ConfigError(
      `${where}: YAML aliases expand to too many values (more than ${MAX_ALIAS_COUNT}); write the values out or use fewer aliases`
    );
  }
}
function checkRules(config, doc, lineCounter, source) {
  checkGates(config, doc, lineCounter, source);
  const steps = config.deploy?.steps;
  if (steps) {
    try {
      checkSteps(steps, "deploy.steps");
    } catch (error) {
      const where = locate(doc, lineCounter, ["deploy", "steps"], source, false);
      throw new ConfigError(`${where}: ${error.message}`);
    }
  }
}
function checkGates(config, doc, lineCounter, source) {
  const task = config.model.task;
  const groups = [
    [["evaluate", "gates"], config.evaluate?.gates, "model"],
    ...Object.entries(config.evaluate?.slice_gates ?? {}).map(
      ([column, gates]) => [
        ["evaluate", "slice_gates", column],
        gates,
        "rows"
      ]
    ),
    [["monitor", "max_metric_drop"], config.monitor?.max_metric_drop, "rows"]
  ];
  for (const [path, gates, scope] of groups) {
    for (const metric of Object.keys(gates ?? {})) {
      const problem = gateMetricProblem(metric, task, scope);
      if (problem)
        throw new ConfigError(
          `${locate(doc, lineCounter, [...path, metric], source, true)}: ${path.join(".")}.${metric}: ${problem}`
        );
    }
  }
}
function mostRelevant(errors) {
  const useful = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "if");
  const pool = useful.length > 0 ? useful : errors;
  return pool.reduce((best, e) => depth(e) > depth(best) ? e : best, pool[0]);
}
function depth(error) {
  return error.instancePath.split("/").length + (error.keyword === "additionalProperties" ? 1 : 0);
}
function formatSchemaError(error, root, doc, lineCounter, source) {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const keyPath = segments.length > 0 ? segments.join(".") : "(top level)";
  const value = segments.reduce(
    (node, key) => node?.[key],
    root
  );
  const params = error.params;
  let where;
  let message;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      where = locate(doc, lineCounter, [...segments, key], source, true);
      const allowed = allowedKeys(error.parentSchema);
      const hint = allowed.length > 0 ? `; expected one of: ${allowed.join(", ")}` : "";
      const suggestion = closest(key, allowed);
      message = `unknown key "${key}" in ${keyPath}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}${hint}`;
      break;
    }
    case "required":
      where = locate(doc, lineCounter, segments, source, false);
      message = `missing required key "${String(params.missingProperty)}" in ${keyPath}`;
      break;
    case "type":
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected ${String(params.type)}`;
      break;
    case "enum":
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    case "const":
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected ${JSON.stringify(params.allowedValue)}`;
      break;
    default:
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected a value that ${error.message ?? "matches the schema"}`;
  }
  return `${where}: ${message}`;
}
function allowedKeys(parentSchema) {
  const properties = parentSchema?.properties;
  return properties ? Object.keys(properties) : [];
}
function locate(doc, lineCounter, path, source, key) {
  const parentPath = key ? path.slice(0, -1) : path;
  let node = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (key && node && typeof node === "object" && "items" in node) {
    const pair = node.items.find(
      (item) => (0, import_yaml.isNode)(item.key) && String(item.key.value) === path[path.length - 1]
    );
    node = pair?.key ?? node;
  }
  const range = (0, import_yaml.isNode)(node) ? node.range : void 0;
  if (!range) return source;
  const pos = lineCounter.linePos(range[0]);
  return `${source}:${pos.line}:${pos.col}`;
}
function describeValue(value) {
  if (value === null || value === void 0) return "nothing (null)";
  if (Array.isArray(value)) return `a list (${truncate(JSON.stringify(value))})`;
  if (typeof value === "object") return "a mapping";
  return `${JSON.stringify(value)} (${typeof value})`;
}
function truncate(text, max = 60) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export {
  DEFAULT_CONFIG_FILES,
  existingDefaultConfigs,
  configFileOr,
  loadConfig,
  loadOptionalConfig,
  parseConfig
};
