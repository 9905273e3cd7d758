/** The one Markdown escaper for untrusted text, against hostile strings, and every writer using it. */
import { escapeMarkdown as cardEscape } from '../../src/registry/model-card.js';
import { escapeMarkdown as dataEscape } from '../../src/data/report.js';
import { pipelineMarkdown } from '../../src/stages/pipeline.js';
import { escapeMarkdown } from '../../src/report/markdown.js';

const ZWSP = '\u200b';

const HOSTILE: [string, string][] = [
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
  ['</td><script>x</script>', '&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;'],
  ['a | b', 'a \\| b'],
  ['@octocat and @org/team', `@${ZWSP}octocat and @${ZWSP}org/team`],
  ['[click](https://evil.example)', `\\[click\\]\\(https:/${ZWSP}/evil.example\\)`],
  ['![x](http://t/p.png)', `\\!\\[x\\]\\(http:/${ZWSP}/t/p.png\\)`],
  ['`code` ``x``', '\\`code\\` \\`\\`x\\`\\`'],
  ['line1\nline2\r\n# heading', 'line1 line2 \\# heading'],
  ['**bold** _em_ ~~s~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~s\\~\\~'],
  ['roc_auc', 'roc_auc'],
  ['- item', '\\- item'],
  ['&lt; already', '&amp;lt; already'],
  ['back\\slash', 'back\\\\slash']
];

test.each(HOSTILE)('escapeMarkdown(%j)', (input, expected) => {
  expect(escapeMarkdown(input)).toBe(expected);
});

test('nothing hostile survives: no tag, no link, no mention, no table break, one line', () => {
  for (const [input] of HOSTILE) {
    const out = escapeMarkdown(input);
    expect(out).not.toMatch(/<[a-z/]/i);
    expect(out).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
    expect(out).not.toMatch(/@[a-z]/i);
    expect(out).not.toMatch(/(^|[^\\])\|/);
    expect(out).not.toMatch(/[\r\n]/);
  }
});

test('long text is capped unless the caller asks for all of it', () => {
  expect(escapeMarkdown('y'.repeat(300))).toBe(`${'y'.repeat(199)}…`);
  expect(escapeMarkdown('y'.repeat(300), Infinity)).toBe('y'.repeat(300));
});

test('validation.md, the model card and pipeline.md escape with it', () => {
  const evil = '<b>x</b> | @octo [l](http://e)';
  const expected = escapeMarkdown(evil, Infinity);
  expect(dataEscape(evil)).toBe(expected);
  expect(cardEscape(evil)).toBe(expected);
  const md = pipelineMarkdown({
    model: evil,
    verdict: 'fail',
    stages: [{ stage: 'train', status: 'fail', summary: evil, out: '.' }],
    version: null,
    production: null,
    evaluationMarkdown: null,
    seconds: 1,
    exitCode: 1
  } as Parameters<typeof pipelineMarkdown>[0]);
  expect(md).toContain(`— ${expected}`);
  expect(md).toContain(`| ${expected} |`);
});
