// parseSchema checks a data schema against a meta-schema validator compiled at build time instead of
// compiling the schema with Ajv at every start (src/data/schema.ts). It must accept and refuse what
// Ajv's compiler does, for the schemas a data schema can be.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parseSchema } from '../../src/data/schema.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** Whether Ajv (draft 2020-12, as mlci compiled schemas before) compiles `schema`. */
function ajvCompiles(schema: unknown): boolean {
  try {
    addFormats(new Ajv2020({ strict: false })).compile(schema as object);
    return true;
  } catch {
    return false;
  }
}

/** Whether parseSchema reads `schema` as a JSON Schema (a missing "properties" aside). */
function parsed(schema: unknown): boolean {
  try {
    parseSchema(JSON.stringify(schema), 'schema.json');
    return true;
  } catch (error) {
    return /expected an object schema/.test((error as Error).message);
  }
}

const column = (spec: unknown) => ({ type: 'object', properties: { x: spec } });

const schemas: [string, unknown][] = [
  [
    'an inferred schema',
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      ...column({ type: ['number', 'null'], 'x-mlci-allow-nan': false })
    }
  ],
  [
    'the draft with a trailing #',
    { $schema: 'https://json-schema.org/draft/2020-12/schema#', ...column({}) }
  ],
  ['draft-07', { $schema: 'http://json-schema.org/draft-07/schema#', ...column({}) }],
  ['a made-up $schema', { $schema: 'https://example.com/mine', ...column({}) }],
  ['an unknown type', column({ type: 'decimal' })],
  ['type as a number', column({ type: 3 })],
  ['a string minimum', column({ minimum: '1' })],
  ['a negative minLength', column({ minLength: -1 })],
  ['enum not an array', column({ enum: 'a' })],
  ['an empty enum', column({ enum: [] })],
  ['required not an array', { ...column({}), required: 'x' }],
  ['a bad pattern', column({ type: 'string', pattern: '(' })],
  ['a good pattern', column({ type: 'string', pattern: '^\\d{3}-[a-z]+$' })],
  ['a pattern valid only without the u flag', column({ type: 'string', pattern: '\\-' })],
  ['a bad patternProperties key', { type: 'object', properties: {}, patternProperties: { '[': {} } }],
  ['a resolvable pointer', { $defs: { a: { type: 'number' } }, ...column({ $ref: '#/$defs/a' }) }],
  ['an unresolvable pointer', column({ $ref: '#/$defs/missing' })],
  ['a resolvable anchor', { $defs: { a: { $anchor: 'num', type: 'number' } }, ...column({ $ref: '#num' }) }],
  ['an unresolvable anchor', column({ $ref: '#nowhere' })],
  ['a remote reference', column({ $ref: 'https://example.com/other.json' })],
  ['an escaped pointer', { $defs: { 'a/b': { type: 'number' } }, ...column({ $ref: '#/$defs/a~1b' }) }],
  ['a pattern key inside enum (data, not a schema)', column({ enum: [{ pattern: '(' }] })],
  ['unknown keywords', column({ 'x-mlci-kind': 'numeric', whatever: [1, 2] })],
  ['an unknown format', column({ type: 'string', format: 'postcode' })],
  ['a boolean subschema', column(true)],
  ['properties as an array', { type: 'object', properties: [] }],
  [
    'columns named like keywords',
    {
      type: 'object',
      properties: {
        enum: { type: 'string', pattern: '(' },
        pattern: { type: 'number' },
        $ref: { type: 'number' }
      }
    }
  ],
  ['a malformed escape in a reference', column({ $ref: '#/%E0%A4%A' })],
  [
    '100,000 required names',
    { type: 'object', properties: {}, required: Array.from({ length: 100_000 }, (_, i) => `c${i}`) }
  ],
  [
    'a column named enum with a good pattern',
    { type: 'object', properties: { enum: { type: 'string', pattern: '^a' } } }
  ]
];

describe('parseSchema accepts and refuses what compiling with Ajv does', () => {
  test.each(schemas)('%s', (_name, schema) => {
    expect(parsed(schema)).toBe(ajvCompiles(schema));
  });
});

test('a schema nested 20,000 deep is refused by name, not a crash', () => {
  // Written as text: JSON.stringify itself recurses with the depth.
  const deep = '{"not":'.repeat(20_000) + '{"type":"number"}' + '}'.repeat(20_000);
  const text = `{"type":"object","properties":{"x":${deep}}}`;
  expect(() => parseSchema(text, 'deep.json')).toThrow(
    /deep\.json: not a valid JSON Schema \(nested too deeply/
  );
});
