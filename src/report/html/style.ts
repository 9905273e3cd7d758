/** The report's only stylesheet: inline, no web fonts, light and print friendly. */
export const REPORT_CSS = `
:root { --fg:#1b1f24; --muted:#57606a; --line:#d0d7de; --bg:#ffffff; --panel:#f6f8fa;
  --pass:#0a7d3b; --fail:#b3261e; --warn:#8a5a00; --accent:#0072B2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; padding-bottom: 16px;
  border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 24px; margin: 0; flex: 1 1 auto; }
header.top .meta { color: var(--muted); font-size: 13px; width: 100%; }
header.top .meta p { margin: 2px 0; }
.badges { display: flex; flex-wrap: wrap; gap: 8px; }
.verdict { display: inline-flex; align-items: center; gap: 8px; padding: 6px 14px; border-radius: 999px;
  font-weight: 700; font-size: 15px; border: 2px solid currentColor; }
.verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); } .verdict.warn { color: var(--warn); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 18px 0 8px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
nav.toc { margin: 16px 0 8px; font-size: 14px; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 0; }
nav.toc a { color: var(--accent); }
section { margin-top: 34px; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 8px; }
p.note { color: var(--muted); margin: 6px 0; }
p.unavailable { color: var(--muted); font-style: italic; background: var(--panel); border: 1px dashed var(--line);
  border-radius: 6px; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 4px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
td.text, th.text { text-align: left; }
thead th { background: var(--panel); font-weight: 600; }
.table-wrap { overflow-x: auto; }
.better { color: var(--pass); } .worse { color: var(--fail); } .muted { color: var(--muted); }
.ok { color: var(--pass); font-weight: 600; } .bad { color: var(--fail); font-weight: 600; }
.skipped { color: var(--muted); font-weight: 600; }
.sev-error { color: var(--fail); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 18px 22px; align-items: flex-start; }
figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 8px; background: #fff;
  max-width: 100%; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figure.drifted { border-color: var(--fail); box-shadow: inset 4px 0 0 var(--fail); }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; max-width: 420px; }
figcaption .stats { display: block; }
.flag { font-weight: 700; }
.flag.drifted { color: var(--fail); } .flag.stable { color: var(--pass); }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
a:focus-visible, figure:focus-within { outline: 3px solid var(--accent); outline-offset: 2px; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { break-before: auto; }
  h2 { break-after: avoid; }
  figure, table, .card { break-inside: avoid; page-break-inside: avoid; }
  figure { border-color: #999; }
  .card { background: none; }
  thead th { background: none; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
}
`;
