import { ConfigError } from './errors.js';

/**
 * Largest mlci.yml accepted: a real one is a few KiB; a bigger one is a mistake or an attack, and
 * parsing 256 KiB of keys already takes about a second on a busy runner.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Deepest nesting accepted (flow brackets, block indentation and compact `- -` items alike). */
export const MAX_CONFIG_NESTING = 64;

/** Expansions of YAML aliases accepted when building values, against "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

/** Refuses text that is too big, binary, or nested deeper than any config needs, before the YAML parser sees it. */
export function checkConfigText(text: string, source: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES) throw tooBig(source, bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new ConfigError(
      `${source}:${lineOf(text, nul)}: contains a NUL byte: a binary file, not YAML text`
    );
  }
  checkNesting(text, source);
}

/** The error for a file over MAX_CONFIG_BYTES. */
export function tooBig(source: string, bytes: number): ConfigError {
  return new ConfigError(
    `${source}: ${bytes} bytes, more than the ${MAX_CONFIG_BYTES} bytes (256 KiB) an mlci.yml may have`
  );
}

// The YAML parser recurses per level and slows down on very deep documents (100,000 nested
// brackets take seconds and overflow the stack), so depth is bounded by a linear scan first. The
// scan over-estimates (it also counts brackets inside quoted strings), never under-estimates.
function checkNesting(text: string, source: string): void {
  let flow = 0;
  let line = 1;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart) {
      // Indentation and compact sequence items ("- - - x") each open a block level.
      if (c === ' ') block += 0.5;
      else if (c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) block += 1;
      else if (c !== '\t') lineStart = false;
    }
    if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    if (flow + Math.floor(block) > MAX_CONFIG_NESTING) {
      throw new ConfigError(
        `${source}:${line}: nested more than ${MAX_CONFIG_NESTING} levels deep; an mlci.yml needs a handful`
      );
    }
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
