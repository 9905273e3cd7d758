// JSON.parse keeps the last of two equal keys ({"age": 19, "age": 99} scores age 99), so a client's
// bug would be answered as if the row were fine. Such keys are found in a body JSON.parse has
// already accepted, in two steps: every key writes one colon, so a body with as many colons as its
// parsed objects have keys has none (≈ 0.1–0.5 µs on a v2 request, of ≈ 95 µs); only a body with
// more colons (a colon inside a string value, or a duplicate) is scanned. Hand-written: the JSON
// libraries on npm that report duplicate keys parse the whole body again into their own tree.

/** Characters where the scan has something to do: strings and the start and end of containers. */
const STRUCTURAL = /["{}[\]]/g;

/** Whether the string closed at `end` is followed, after spaces, by a colon: an object's key. */
function isKey(text: string, end: number): boolean {
  let i = end + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
    i++;
  }
  return false;
}

/** Index of the quote closing the string opened at `quote` (the text is valid JSON). */
function closingQuote(text: string, quote: number): number {
  let end = text.indexOf('"', quote + 1);
  for (;;) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/**
 * The first key that appears twice in one object of `text`, a body JSON.parse read as `parsed`;
 * undefined when every object's keys are distinct.
 */
export function duplicateKeyIn(text: string, parsed: unknown): string | undefined {
  return colons(text) === keyCount(parsed) ? undefined : duplicateKey(text);
}

/** Number of colons in `text`. */
function colons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/** Number of keys of every object in a parsed JSON value (without recursion: bodies nest 200,000 deep). */
function keyCount(value: unknown): number {
  let n = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      for (const child of item as unknown[])
        if (child !== null && typeof child === 'object') pending.push(child);
      continue;
    }
    for (const child of Object.values(item)) {
      n++;
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return n;
}

/** The first key that appears twice in one object of `text`, by a scan of the whole text. */
function duplicateKey(text: string): string | undefined {
  // One entry per open container: a Set of the keys seen for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  STRUCTURAL.lastIndex = 0;
  for (let match = STRUCTURAL.exec(text); match; match = STRUCTURAL.exec(text)) {
    const at = match.index;
    const c = text.charCodeAt(at);
    if (c === 0x22) {
      const end = closingQuote(text, at);
      const keys = open[open.length - 1];
      if (keys && isKey(text, end)) {
        const raw = text.slice(at + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      STRUCTURAL.lastIndex = end + 1;
    } else if (c === 0x7b) open.push(new Set());
    else if (c === 0x5b) open.push(null);
    else open.pop();
  }
  return undefined;
}
