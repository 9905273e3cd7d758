/**
 * Checks an untrusted JSON document field by field against the type its writer declares, and
 * refuses what does not match with an InputError naming the file and the field (e.g.
 * `evaluation.json: candidate.metrics.roc_auc: expected a number or null, got "high"`).
 */
import { InputError } from '../../core/errors.js';

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

type Element<T> = T extends readonly (infer E)[] ? E : never;
type Value<T> = T extends Record<string, infer V> ? V : never;

/**
 * One place in a document: checks the value there and names it in errors. `T` is the type the
 * writer declares for it, so a field name the writer does not use does not compile.
 */
export class Field<T = unknown> {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly value: unknown
  ) {}

  /** The field `key` of this object (which must be an object). */
  at<K extends keyof NonNullable<T> & string>(key: K): Field<NonNullable<T>[K]> {
    const path = this.path ? `${this.path}.${key}` : key;
    return new Field(this.file, path, this.object()[key]);
  }

  fail(expected: string): never {
    throw new InputError(
      `${this.file}: ${this.path || '(top level)'}: expected ${expected}, got ${describe(this.value)}`
    );
  }

  present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  object(): Json {
    const v = this.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail('an object');
    return v as Json;
  }

  /** The fields of an object (a map), each as a Field. */
  entries(): [string, Field<Value<NonNullable<T>>>][] {
    const record = this.object();
    return Object.keys(record).map((k) => [
      k,
      new Field(this.file, this.path ? `${this.path}.${k}` : k, record[k])
    ]);
  }

  array(): Field<Element<NonNullable<T>>>[] {
    if (!Array.isArray(this.value)) this.fail('an array');
    return (this.value as unknown[]).map((v, i) => new Field(this.file, `${this.path}[${i}]`, v));
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('a number');
    return this.value as number;
  }

  numberOrNull(): number | null {
    if (this.value === null) return null;
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('a number or null');
    return this.value;
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail('a string');
    return this.value as string;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('true or false');
    return this.value as boolean;
  }

  oneOf<V extends string | number>(values: readonly V[]): V {
    if (!values.includes(this.value as V))
      this.fail(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
    return this.value as V;
  }

  numbers(): number[] {
    return this.array().map((f) => f.number());
  }

  /** A map of names to numbers or null (metric values, counts). */
  numberMap(): Record<string, number | null> {
    return Object.fromEntries(this.entries().map(([k, f]) => [k, f.numberOrNull()]));
  }

  /** A map of names to strings (reasons, notes). */
  stringMap(): Record<string, string> {
    return Object.fromEntries(this.entries().map(([k, f]) => [k, f.string()]));
  }

  /** Runs `read` when the field is present (not undefined or null), else gives null. */
  optional<R>(read: (field: Field<NonNullable<T>>) => R): R | null {
    return this.present() ? read(this) : null;
  }
}

/** The top level of a document read from `file`. */
export function documentOf<T>(file: string, value: unknown): Field<T> {
  return new Field(file, '', value);
}
