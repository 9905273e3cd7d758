import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A parsed fixture written by __fixtures__/report/make_fixtures.py. */
export function fixture(name: 'evaluation.json' | 'validation.json'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), '__fixtures__', 'report', name), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** A deep copy to modify in a test. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Number of <figure> charts (inline SVG) in a report. */
export function chartCount(html: string): number {
  return (html.match(/<figure[^>]*data-chart=/g) ?? []).length;
}
