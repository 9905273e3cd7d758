// The bad-input corpus for data files (issue 16): a generator of broken and hostile files, each run
// through `mlci validate-data` and held to its class — exit 0 with the right answer, exit 1 with the
// anomaly it should raise, or exit 2 with one message naming the file (and line where there is one).
// Never a stack trace or "unexpected error", never a hang past the per-case limit, and on exit 2
// nothing written. A bug found in data handling adds a case here.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { writeParquet } from '../../test-support/parquet.js';

/** What a case must give. */
type Expected =
  | { exit: 0; check: (report: Report) => void }
  | { exit: 1; code: string; column?: string; check?: (report: Report) => void }
  | { exit: 2; message: RegExp };

interface Report {
  verdict: string;
  data: { rows: number; columns: number };
  anomalies: {
    code: string;
    column?: string;
    severity: string;
    count?: number;
    rows?: { row: number; line?: number; value?: string | number | null }[];
  }[];
  columns: Record<
    string,
    {
      kind: string;
      nan?: number;
      pos_inf?: number;
      neg_inf?: number;
      finite?: number;
      values?: Record<string, number>;
      length?: { min: number; max: number };
    }
  >;
}

interface Case {
  name: string;
  /** Writes the input under `dir` and returns the --data argument (and any extra arguments). */
  make: (dir: string) => Promise<string[]>;
  expect: Expected;
}

/** Seconds a case may take before it counts as a hang. */
const CASE_LIMIT_MS = 30_000;

const csvRows = (n: number, row: (i: number) => string, header = 'a,b,c') =>
  [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n') + '\n';

async function put(dir: string, name: string, content: string | Buffer): Promise<string[]> {
  const path = join(dir, name);
  await writeFile(path, content);
  return ['--data', path];
}

/** Writes a Parquet file with the engine (rows of a, b, c). */
const parquet = (
  path: string,
  rows = 5000,
  columns = "range AS a, range * 0.5 AS b, 'x' || (range % 7) AS c"
) => writeParquet(path, columns, rows);

/** Renames a column inside a Parquet footer (same length), making names the engine cannot tell apart. */
async function renameInFooter(path: string, from: string, to: string): Promise<void> {
  const bytes = await readFile(path);
  const footerLength = bytes.readUInt32LE(bytes.length - 8);
  const start = bytes.length - 8 - footerLength;
  const footer = bytes.subarray(start, bytes.length - 8);
  for (let at = footer.indexOf(from); at >= 0; at = footer.indexOf(from, at + 1))
    footer.write(to, at, 'latin1');
  await writeFile(path, bytes);
}

const kindOf = (column: string, kind: string) => (r: Report) => expect(r.columns[column]?.kind).toBe(kind);

/** The generator: every class of broken data file the corpus covers. */
function cases(): Case[] {
  const ok = (check: (r: Report) => void): Expected => ({ exit: 0, check });
  const bad = (message: RegExp): Expected => ({ exit: 2, message });
  return [
    // Encodings
    {
      name: 'UTF-8 with a byte-order mark',
      make: (d) => put(d, 'bom.csv', '\ufeffa,b\n1,x\n2,y\n'),
      expect: ok((r) => expect(Object.keys(r.columns)).toEqual(['a', 'b']))
    },
    {
      name: 'UTF-16 LE with a byte-order mark',
      make: (d) =>
        put(
          d,
          'utf16le.csv',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,x\n', 'utf16le')])
        ),
      expect: bad(/utf16le\.csv: encoded as UTF-16/)
    },
    {
      name: 'UTF-16 BE with a byte-order mark',
      make: (d) =>
        put(
          d,
          'utf16be.csv',
          Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a,b\n1,x\n', 'utf16le').swap16()])
        ),
      expect: bad(/utf16be\.csv: encoded as UTF-16/)
    },
    {
      name: 'UTF-16 without a byte-order mark',
      make: (d) => put(d, 'utf16-nobom.csv', Buffer.from('a,b\n1,x\n2,y\n', 'utf16le')),
      expect: bad(/utf16-nobom\.csv: looks like a binary file/)
    },
    {
      name: 'Latin-1 text',
      make: (d) => put(d, 'latin1.csv', Buffer.from('a,b\n1,caf\xe9\n2,x\n', 'latin1')),
      expect: bad(/latin1\.csv:2: not valid UTF-8 text/)
    },
    // Separators
    ...[
      [';', 'semicolon'],
      ['\t', 'tab'],
      ['|', 'pipe']
    ].map(([sep, label]): Case => ({
      name: `${label}-separated`,
      make: (d) =>
        put(d, `sep-${label}.csv`, csvRows(50, (i) => [i, i * 2, `v${i % 3}`].join(sep)).replace(/,/g, sep)),
      expect: ok((r) => {
        expect(r.data).toMatchObject({ rows: 50, columns: 3 });
        kindOf('a', 'numeric')(r);
      })
    })),
    {
      name: 'CRLF line endings',
      make: (d) => put(d, 'crlf.csv', 'a,b\r\n1,x\r\n2,y\r\n'),
      expect: ok((r) => expect(r.data.rows).toBe(2))
    },
    // Ragged and huge rows
    {
      name: 'a short row',
      make: (d) => put(d, 'ragged-short.csv', 'a,b,c\n1,2,3\n4,5\n'),
      expect: bad(/ragged-short\.csv:3: row has 2 fields, the header has 3/)
    },
    {
      name: 'a long row',
      make: (d) => put(d, 'ragged-long.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n'),
      expect: bad(/ragged-long\.csv:4: row has 4 fields, the header has 3/)
    },
    {
      name: 'a ragged row past 100 quoted line breaks (the engine counts records, not lines)',
      make: (d) =>
        put(
          d,
          'ragged-late.csv',
          csvRows(100_000, (i) => (i % 1000 === 999 ? `${i},"x\ny",z` : `${i},x,z`)) + '5,6,7,8\n'
        ),
      expect: bad(/ragged-late\.csv:100102: row has 4 fields, the header has 3/)
    },
    {
      name: 'text in a numeric column past the rows the reader samples',
      make: (d) => put(d, 'late-text.csv', csvRows(30_000, (i) => `${i},${i % 7},z`) + '1,abc,z\n'),
      expect: bad(/late-text\.csv:30002: column "b": "abc" is not a whole number/)
    },
    {
      name: 'an unterminated quote',
      make: (d) => put(d, 'quote.csv', 'a,b\n1,"x\n2,y\n'),
      expect: bad(/quote\.csv/)
    },
    {
      name: 'a 3 MiB field in the first row',
      make: (d) => put(d, 'huge-first.csv', `a,b\n1,${'x'.repeat(3 * 2 ** 20)}\n2,y\n`),
      expect: ok((r) => expect(r.data.rows).toBe(2))
    },
    {
      name: 'a 20 MiB row, past the limit',
      make: (d) => put(d, 'huge-over.csv', `a,b\n1,y\n2,${'x'.repeat(20 * 2 ** 20)}\n`),
      expect: bad(/huge-over\.csv: a row of [\d,]+ bytes, longer than the 16 MiB/)
    },
    // Names
    {
      name: 'a duplicated header name',
      make: (d) => put(d, 'dup.csv', 'a,b,a\n1,2,3\n'),
      expect: bad(/dup\.csv:1: column name "a" appears more than once in the header \(columns 1 and 3\)/)
    },
    {
      name: 'header names differing only in case',
      make: (d) => put(d, 'dupcase.csv', 'Price,price\n1,2\n'),
      expect: bad(
        /dupcase\.csv:1: column names "Price" \(column 1\) and "price" \(column 2\) differ only in case/
      )
    },
    {
      name: 'header names differing only in case and the spaces around them',
      make: (d) => put(d, 'dupspace.csv', 'a,b," A "\n1,2,3\n'),
      expect: bad(
        /dupspace\.csv:1: column names "a" \(column 1\) and " A " \(column 3\) differ only in case and the spaces around them/
      )
    },
    {
      name: 'header names differing only in a no-break space after one',
      make: (d) => put(d, 'dupnbsp.csv', 'x,x\u00a0\n1,2\n'),
      expect: bad(
        /dupnbsp\.csv:1: column names "x" \(column 1\) and "x\u00a0" \(column 2\) differ only in the spaces/
      )
    },
    {
      name: 'a header name with a tab before it (kept by the reader: no clash)',
      make: (d) => put(d, 'tabname.csv', 'x,"\tx"\n1,2\n'),
      expect: ok((r) => expect(Object.keys(r.columns)).toEqual(['x', '\tx']))
    },
    {
      name: 'an empty header name',
      make: (d) => put(d, 'blank-name.csv', 'a,,c\n1,2,3\n'),
      expect: ok((r) => expect(r.data.columns).toBe(3))
    },
    {
      name: 'a CSV column named __proto__ (a key every JSON output would lose)',
      make: (d) => put(d, 'proto.csv', 'x,__proto__,y\n1,2,3\n'),
      expect: bad(/proto\.csv: column "__proto__" \(column 2\) cannot be a column name/)
    },
    {
      name: 'a JSON Lines key with a NUL character (the engine cannot quote it: it crashed the profile)',
      make: (d) => put(d, 'nulkey.jsonl', '{"a\\u0000b":1,"c":2}\n'),
      expect: bad(/nulkey\.jsonl: column 1 \("a\\u0000b"\) has a NUL character in its name/)
    },
    {
      name: 'a JSON Lines key __proto__',
      make: (d) => put(d, 'proto.jsonl', '{"x":1,"__proto__":2}\n'),
      expect: bad(/proto\.jsonl: column "__proto__" \(column 2\) cannot be a column name/)
    },
    {
      name: 'a JSON Lines key holding strings and a number (its values keep no JSON quotes)',
      make: (d) => put(d, 'mixedtypes.jsonl', '{"r":"east"}\n{"r":"west"}\n{"r":5}\n{"r":"east"}\n'),
      expect: ok((r) => {
        expect(r.columns.r.values).toEqual({ east: 2, west: 1, '5': 1 });
        expect(r.columns.r.length).toEqual({ min: 1, max: 4 });
      })
    },
    {
      name: 'JSON Lines keys differing only in case',
      make: (d) => put(d, 'dupcase.jsonl', '{"k":1}\n{"K":2}\n'),
      expect: bad(/dupcase\.jsonl: keys "k" and "K" differ only in case/)
    },
    {
      name: 'a duplicated key in a JSON object',
      make: (d) => put(d, 'dupkey.jsonl', '{"k":1,"k":2}\n'),
      expect: bad(/dupkey\.jsonl.*duplicate key "k"/)
    },
    {
      name: 'Parquet with a column name twice',
      make: async (d) => {
        const path = join(d, 'dup.parquet');
        await parquet(path, 100, 'range AS dupx, range * 2 AS dupy');
        await renameInFooter(path, 'dupy', 'dupx');
        return ['--data', path];
      },
      expect: bad(/dup\.parquet: column name "dupx" appears more than once/)
    },
    {
      name: 'Parquet with names differing only in case',
      make: async (d) => {
        const path = join(d, 'dupcase.parquet');
        await parquet(path, 100, 'range AS dupx, range * 2 AS dupy');
        await renameInFooter(path, 'dupy', 'DUPX');
        return ['--data', path];
      },
      expect: bad(/dupcase\.parquet: column names "dupx" and "DUPX" differ only in case/)
    },
    {
      name: 'a label column that is not there',
      make: async (d) => [...(await put(d, 'nolabel.csv', 'a,b\n1,2\n')), '--label', 'target'],
      expect: bad(/label column "target" is not in .*nolabel\.csv; columns: a, b/)
    },
    // Special floats
    {
      name: 'nan, inf, -inf, 1e309 and NaN spellings in a numeric column',
      make: (d) => put(d, 'special.csv', 'x,y\n1.5,1\nnan,2\ninf,3\n-inf,4\n1e309,5\nNaN,6\n2.5,7\n'),
      expect: ok((r) => {
        expect(r.columns.x).toMatchObject({ kind: 'numeric', nan: 2, pos_inf: 2, neg_inf: 1, finite: 2 });
        expect(r.anomalies.map((a) => a.code).sort()).toEqual(['inf_values', 'nan_values']);
      })
    },
    {
      name: 'inf as the first value',
      make: (d) => put(d, 'inf-first.csv', 'x,y\ninf,1\n2,2\n-inf,3\n'),
      expect: ok((r) =>
        expect(r.columns.x).toMatchObject({ kind: 'numeric', pos_inf: 1, neg_inf: 1, finite: 1 })
      )
    },
    {
      name: 'NaN and Infinity literals in JSON Lines',
      make: (d) => put(d, 'special.jsonl', '{"a":NaN,"b":Infinity}\n{"a":1,"b":2}\n'),
      expect: ok((r) => {
        expect(r.columns.a).toMatchObject({ kind: 'numeric', nan: 1 });
        expect(r.columns.b).toMatchObject({ kind: 'numeric', pos_inf: 1 });
      })
    },
    {
      name: 'a value outside the schema range (a failed check, exit 1)',
      make: async (d) => {
        const schema = join(d, 'range-schema.json');
        await writeFile(
          schema,
          JSON.stringify({
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            type: 'object',
            properties: { x: { type: 'number', maximum: 2 } }
          })
        );
        return [...(await put(d, 'range-schema.csv', 'x\n1\n2\n3\n')), '--schema', schema];
      },
      expect: { exit: 1, code: 'out_of_range', column: 'x' }
    },
    // Broken schemas (--schema): refused with the file named, before any data is read.
    ...(
      [
        ['not JSON', 'schema-json.json', '{"type": "object",', /schema-json\.json: not valid JSON/],
        [
          'a keyword of the wrong type',
          'schema-type.json',
          { type: 'object', properties: { x: { type: 'nope' } } },
          /schema-type\.json: not a valid JSON Schema \(schema is invalid: data\/properties\/x\/type must be equal to one of the allowed values/
        ],
        [
          'a minimum that is not a number',
          'schema-minimum.json',
          { type: 'object', properties: { x: { minimum: '2' } } },
          /schema-minimum\.json: not a valid JSON Schema \(schema is invalid: data\/properties\/x\/minimum must be number/
        ],
        [
          'a pattern that is not a regular expression',
          'schema-pattern.json',
          { type: 'object', properties: { x: { type: 'string', pattern: '([a-z]' } } },
          /schema-pattern\.json: not a valid JSON Schema \(Invalid regular expression/
        ],
        [
          'a reference that resolves nowhere',
          'schema-ref.json',
          { type: 'object', properties: { x: { $ref: '#/$defs/missing' } } },
          /schema-ref\.json: not a valid JSON Schema \(can't resolve reference #\/\$defs\/missing/
        ],
        [
          'another draft',
          'schema-draft7.json',
          { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: {} },
          /schema-draft7\.json: not a valid JSON Schema \(mlci reads JSON Schema draft 2020-12/
        ],
        [
          'no properties',
          'schema-props.json',
          { type: 'object' },
          /schema-props\.json: expected an object schema with "properties"/
        ]
      ] as [string, string, unknown, RegExp][]
    ).map(([what, file, schema, message]): Case => ({
      name: `a schema with ${what}`,
      make: async (d) => {
        const path = join(d, file);
        await writeFile(path, typeof schema === 'string' ? schema : JSON.stringify(schema));
        return [...(await put(d, `${file}.csv`, 'x\n1\n2\n')), '--schema', path];
      },
      expect: bad(message)
    })),
    {
      name: 'a schema whose local references (pointer, anchor) and pattern resolve (read as before)',
      make: async (d) => {
        const schema = join(d, 'schema-good.json');
        await writeFile(
          schema,
          JSON.stringify({
            $schema: 'https://json-schema.org/draft/2020-12/schema#',
            type: 'object',
            $defs: {
              word: { type: 'string', pattern: '^[a-z]+$', enum: ['ab', 'cd'] },
              positive: { $anchor: 'positive', type: 'number', minimum: 0 }
            },
            properties: {
              x: { type: 'number', maximum: 5 },
              y: { $ref: '#/$defs/word' },
              z: { $ref: '#positive' }
            }
          })
        );
        return [...(await put(d, 'schema-good.csv', 'x,y,z\n1,ab,3\n2,cd,4\n')), '--schema', schema];
      },
      expect: ok((r) => expect(r.verdict).toBe('pass'))
    },
    {
      // Each "#num" was resolved by a walk of the whole schema: 8,000 of them took 30 s. The anchors are
      // now collected once.
      name: 'a schema with 20,000 references to one anchor (read, not one walk of the schema each)',
      make: async (d) => {
        const schema = join(d, 'schema-anchors.json');
        const properties = Object.fromEntries(
          Array.from({ length: 20_000 }, (_, i) => [`c${i}`, { $ref: '#num' }])
        );
        await writeFile(
          schema,
          JSON.stringify({ type: 'object', $defs: { n: { $anchor: 'num', type: 'number' } }, properties })
        );
        return [...(await put(d, 'schema-anchors.csv', 'c0,c1\n1,2\n3,4\n')), '--schema', schema];
      },
      expect: ok((r) => expect(r.verdict).toBe('pass'))
    },
    // JSON Lines
    {
      name: 'mixed types in one JSON key',
      make: (d) =>
        put(d, 'mixed.jsonl', '{"a":1,"b":1}\n{"a":"x","b":2}\n{"a":[1,2],"b":3}\n{"a":{"n":1},"b":4}\n'),
      expect: ok((r) => {
        kindOf('a', 'categorical')(r);
        kindOf('b', 'numeric')(r);
      })
    },
    {
      name: 'a malformed JSON line',
      make: (d) => put(d, 'broken.jsonl', '{"a":1}\n{"a":2\n{"a":3}\n'),
      // The unterminated object is on line 2 (the engine says "line 3").
      expect: bad(/broken\.jsonl:2: not valid JSON/)
    },
    {
      name: 'a duplicate key after blank lines (the engine numbers records without them)',
      make: (d) => put(d, 'dupkey-late.jsonl', '{"a":1}\n\n\n{"a":2}\n{"a":3,"a":4}\n'),
      expect: bad(/dupkey-late\.jsonl:5: .*duplicate key "a"/)
    },
    {
      name: 'JSON Lines with a UTF-8 byte-order mark',
      make: (d) => put(d, 'bom.jsonl', '\ufeff{"a":1}\n{"a":2}\n'),
      expect: bad(/bom\.jsonl:1: starts with a UTF-8 byte order mark \(BOM\)/)
    },
    {
      name: 'JSON Lines that are arrays',
      make: (d) => put(d, 'arrays.jsonl', '[1,2]\n[3,4]\n'),
      expect: bad(/arrays\.jsonl:1: expected one JSON object per line/)
    },
    // Empty and nearly empty
    {
      name: 'an empty file',
      make: (d) => put(d, 'empty.csv', ''),
      expect: bad(/empty\.csv: the file is empty/)
    },
    {
      name: 'whitespace only',
      make: (d) => put(d, 'blank.csv', '\n\n  \n'),
      expect: bad(/blank\.csv: the file has no content/)
    },
    {
      name: 'a header only',
      make: (d) => put(d, 'header.csv', 'a,b,c\n'),
      expect: bad(/header\.csv: has a header but no data rows/)
    },
    {
      name: 'an empty JSON Lines file',
      make: (d) => put(d, 'empty.jsonl', ''),
      expect: bad(/empty\.jsonl: the file is empty/)
    },
    // Parquet
    {
      name: 'a valid Parquet file',
      make: async (d) => {
        await parquet(join(d, 'good.parquet'));
        return ['--data', join(d, 'good.parquet')];
      },
      expect: ok((r) => expect(r.data).toMatchObject({ rows: 5000, columns: 3 }))
    },
    {
      name: 'a truncated Parquet file',
      make: async (d) => {
        const path = join(d, 'truncated.parquet');
        await parquet(path);
        await truncate(path, 2000);
        return ['--data', path];
      },
      expect: bad(/truncated\.parquet: cannot be read/)
    },
    {
      name: 'a Parquet file with a corrupt footer',
      make: async (d) => {
        const path = join(d, 'corrupt.parquet');
        await parquet(path);
        const bytes = await readFile(path);
        bytes.fill(0x7f, bytes.length - 200, bytes.length - 8);
        await writeFile(path, bytes);
        return ['--data', path];
      },
      expect: bad(/corrupt\.parquet: cannot be read/)
    },
    {
      name: 'CSV text named .parquet',
      make: (d) => put(d, 'text.parquet', 'a,b\n1,2\n'),
      expect: bad(/text\.parquet: not a Parquet file/)
    },
    // Column names that the reader's hidden columns, or its queries' aliases, also use
    {
      name: 'a column named like the hidden row-hash column',
      make: (d) => put(d, 'hash-name.csv', '__mlci_row_hash,b\n1,x\n2,y\n2,y\n'),
      expect: ok((r) => {
        expect(r.data).toMatchObject({ rows: 3, columns: 2 });
        expect(Object.keys(r.columns)).toEqual(['__mlci_row_hash', 'b']);
        expect(r.columns.__mlci_row_hash).toMatchObject({ kind: 'numeric', finite: 3 });
        expect(r.anomalies).toContainEqual(expect.objectContaining({ code: 'duplicate_share', count: 1 }));
      })
    },
    {
      name: 'shards with a column named like the hidden file column (in other case)',
      make: async (d) => {
        await mkdir(join(d, 'shards'));
        await writeFile(join(d, 'shards', 'part-1.csv'), '__MLCI_FILE,b\nq,1\nr,2\n');
        await writeFile(join(d, 'shards', 'part-2.csv'), '__MLCI_FILE,b\ns,3\n');
        return ['--data', join(d, 'shards', '*.csv')];
      },
      expect: ok((r) => {
        expect(r.data).toMatchObject({ rows: 3, columns: 2 });
        expect(Object.keys(r.columns)).toEqual(['__MLCI_FILE', 'b']);
        expect(r.columns.__MLCI_FILE.kind).toBe('categorical');
      })
    },
    {
      name: 'columns named like the aliases of the profile queries (v, c, g)',
      make: (d) => put(d, 'aliases.csv', 'x,v,c,g\n1.5,a,2,3\n2.5,b,3,4\n2.5,a,4,5\n'),
      expect: ok((r) => {
        expect(r.data).toMatchObject({ rows: 3, columns: 4 });
        expect(r.columns.x).toMatchObject({ kind: 'numeric', finite: 3 });
        expect(r.columns.v.kind).toBe('categorical');
      })
    },
    {
      name: 'JSON Lines shards with keys named like the hidden file and row-hash columns',
      make: async (d) => {
        await mkdir(join(d, 'json-shards'));
        const row = (file: string, hash: number, b: number) =>
          JSON.stringify({ __mlci_file: file, __mlci_row_hash: hash, b }) + '\n';
        await writeFile(join(d, 'json-shards', 'part-1.jsonl'), row('q', 1, 2) + row('q', 1, 2));
        await writeFile(join(d, 'json-shards', 'part-2.jsonl'), row('r', 3, 4));
        return ['--data', join(d, 'json-shards', '*.jsonl')];
      },
      expect: ok((r) => {
        expect(r.data).toMatchObject({ rows: 3, columns: 3 });
        expect(Object.keys(r.columns)).toEqual(['__mlci_file', '__mlci_row_hash', 'b']);
        expect(r.anomalies).toContainEqual(expect.objectContaining({ code: 'duplicate_share', count: 1 }));
      })
    },
    {
      name: 'Parquet with a column of its own named file_row_number, rows out of range',
      make: async (d) => {
        const path = join(d, 'frn.parquet');
        await parquet(path, 100, 'range + 1000 AS file_row_number, range * 0.5 AS b');
        const schema = join(d, 'frn-schema.json');
        await writeFile(
          schema,
          JSON.stringify({ type: 'object', properties: { b: { type: 'number', maximum: 48 } } })
        );
        return ['--data', path, '--schema', schema];
      },
      expect: {
        exit: 1,
        code: 'out_of_range',
        column: 'b',
        check: (r) => {
          expect(r.data).toMatchObject({ rows: 100, columns: 2 });
          expect(r.columns.file_row_number).toMatchObject({ kind: 'numeric', finite: 100 });
          // Rows 98-100 of the file (b = 48.5, 49, 49.5), numbered in file order without lines.
          const found = r.anomalies.find((a) => a.code === 'out_of_range')!;
          expect(found.rows?.map(({ row, line, value }) => ({ row, line, value }))).toEqual([
            { row: 98, line: undefined, value: '48.5' },
            { row: 99, line: undefined, value: '49.0' },
            { row: 100, line: undefined, value: '49.5' }
          ]);
        }
      }
    },
    // Not data at all
    {
      name: 'binary garbage',
      make: (d) =>
        put(d, 'garbage.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
      expect: bad(/garbage\.csv: looks like a binary file/)
    },
    {
      name: 'a directory given as --data',
      make: async (d) => {
        await mkdir(join(d, 'folder.csv'), { recursive: true });
        return ['--data', join(d, 'folder.csv')];
      },
      expect: bad(/folder\.csv is a directory/)
    },
    {
      name: 'a file that does not exist',
      make: async (d) => ['--data', join(d, 'absent.csv')],
      expect: bad(/data file not found: .*absent\.csv/)
    },
    {
      name: 'an unknown extension',
      make: (d) => put(d, 'data.xlsx', 'a,b\n1,2\n'),
      expect: bad(/data\.xlsx: cannot tell the format from the extension/)
    }
  ];
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlci-corpus-data-'));
});

describe('bad-input corpus: data files through mlci validate-data', () => {
  test.each(cases().map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const dir = await mkdtemp(join(root, 'case-'));
      const args = await c.make(dir);
      const out = join(dir, 'out');
      const started = Date.now();
      const run = await runCli(['validate-data', ...args, '--out', out, '--json']);
      expect(Date.now() - started).toBeLessThan(CASE_LIMIT_MS);
      expect(run.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
      if (c.expect.exit === 2) {
        expect(run.stderr).toMatch(c.expect.message);
        expect(
          run.stderr
            .trim()
            .split('\n')
            .filter((l) => l.startsWith('mlci:'))
        ).toHaveLength(1);
        expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
      } else {
        const report = JSON.parse(await readFile(join(out, 'validation.json'), 'utf8')) as Report;
        expect(JSON.parse(run.stdout)).toEqual(report);
        if (c.expect.exit === 0) {
          expect(report.verdict).toBe('pass');
          c.expect.check(report);
        } else {
          const { code, column } = c.expect;
          expect(report.verdict).toBe('fail');
          expect(report.anomalies).toContainEqual(
            expect.objectContaining({ code, column, severity: 'error' })
          );
          c.expect.check?.(report);
        }
      }
      expect(run.code).toBe(c.expect.exit);
    },
    CASE_LIMIT_MS * 2
  );
});
