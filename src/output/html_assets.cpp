#include "output/html_assets.h"

namespace tally::html {

const char* style_sheet() {
  return R"CSS(
:root { --err: #cf222e; --warn: #9a6700; --info: #0969da; --line: #d0d7de; --muted: #656d76; }
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; background: #fff; line-height: 1.7;
  font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
header, main { padding: 0 24px; }
/* Two columns: the text, and beside it the findings with the detail panel on top (which keeps
   its height; the findings below scroll in what is left).
   The side column is sticky and scrolls on its own, so the panel never covers the text. */
.layout { display: grid; grid-template-columns: minmax(0, 1fr) min(440px, 38vw); align-items: start; }
main { grid-column: 1; grid-row: 1; min-width: 0; }
#side { grid-column: 2; grid-row: 1; position: sticky; top: 0; height: 100vh; display: flex; flex-direction: column;
  border-left: 1px solid var(--line); background: #f6f8fa; }
#panel { flex: 0 0 auto; max-height: 55vh; overflow: auto; background: #fff; border-bottom: 1px solid var(--line);
  padding: 8px 16px 12px; }
.findings-pane { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 0 16px 16px; }
/* One column on a narrow screen: findings first, and the script opens the panel in a row under the line. */
@media (max-width: 899px) {
  .layout { display: block; }
  #side { position: static; height: auto; border-left: 0; background: none; }
  .findings-pane { overflow: visible; padding: 0 24px; }
  #panel { max-height: none; border: 1px solid var(--line); border-radius: 8px; margin: 4px 0 8px; }
}
tr.panel-row > td { padding: 0 10px; }
header { border-bottom: 1px solid var(--line); padding-bottom: 8px; }
h1 { font-size: 1.5em; margin: 16px 0 4px; }
h2 { font-size: 1.15em; margin: 24px 0 8px; }
.summary span { margin-right: 1.2em; }
.count-error { color: var(--err); font-weight: bold; }
.count-warning { color: var(--warn); font-weight: bold; }
.count-info { color: var(--info); font-weight: bold; }
.filters fieldset { border: 0; margin: 0 0 6px; padding: 0; }
.filters legend { padding: 0; font-size: 0.9em; color: var(--muted); }
.filters label { display: inline-flex; align-items: center; gap: 4px; margin: 1px 14px 1px 0; cursor: pointer;
  white-space: nowrap; }
.filters label.none { opacity: 0.5; }
.filters .f-actions { margin: 0 0 4px; }
/* Many rules would push the findings out of the column: their boxes scroll after about five rows. */
.filters .f-rule { max-height: 9.5em; overflow: auto; }
.n { color: var(--muted); font-variant-numeric: tabular-nums; }
.group > summary { cursor: pointer; margin: 10px 0 2px; }
.group > summary .n { background: #eaeef2; border-radius: 10px; padding: 0 7px; font-size: 0.85em; }
.group .about { color: var(--muted); font-size: 0.9em; }
ol.findings { list-style: none; padding-left: 1em; margin: 0; }
ol.findings li { margin: 2px 0; }
button.more, .f-actions button { border: 0; background: none; padding: 0; color: var(--info); cursor: pointer;
  font: inherit; font-size: 0.9em; margin-left: 1em; }
.f-actions button { margin-left: 0; }
ol.findings a { color: inherit; text-decoration: none; }
ol.findings a:hover .msg { text-decoration: underline; }
.badge { display: inline-block; min-width: 4.5em; padding: 0 6px; border-radius: 4px; color: #fff;
  font-size: 0.85em; text-align: center; }
.badge.sev-error { background: var(--err); }
.badge.sev-warning { background: var(--warn); }
.badge.sev-info { background: var(--info); }
.where { color: var(--muted); }
code { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 0.92em; }
details.file > summary { cursor: pointer; font-weight: bold; margin: 16px 0 8px; }
table.src { border-collapse: collapse; width: 100%; }
table.src tr:target { background: #fff8c5; }
td.ln { width: 1%; padding: 0 10px 0 6px; text-align: right; vertical-align: top; color: var(--muted);
  font-variant-numeric: tabular-nums; user-select: none; border-right: 1px solid var(--line); }
td.ln a { color: inherit; text-decoration: none; }
td.tx { padding: 0 10px; white-space: pre-wrap; word-break: break-all; tab-size: 4; }
mark { color: inherit; cursor: pointer; border-radius: 2px; }
mark.sev-error { background: #ffd8d3; border-bottom: 2px solid var(--err); }
mark.sev-warning { background: #fff0b3; border-bottom: 2px solid var(--warn); }
mark.sev-info { background: #ddf4ff; border-bottom: 2px solid var(--info); }
mark.caret::before { content: "\2038"; font-weight: bold; }
mark.active { outline: 2px solid #1f2328; }
.rel { background: #f1f0ff; border-bottom: 1px dashed #8250df; }
mark.off, .rel.off { background: none; border-bottom: 0; outline: 0; cursor: auto; }
mark.off.caret::before { content: none; }
.rel.rel-on, mark.rel-on { background: #d8ccff; outline: 2px solid #8250df; }
#panel[hidden] { display: none; }
#panel .close { float: right; margin-right: -8px; border: 0; background: none; font-size: 1.3em; cursor: pointer; }
#panel .item + .item { border-top: 1px solid var(--line); margin-top: 8px; }
#panel .message, #panel .rule-summary { font-weight: bold; }
#panel .explanation { color: #31363c; background: #f6f8fa; padding: 2px 10px; border-radius: 6px; }
#panel .explanation p { margin: 6px 0; }
#panel .explanation pre { white-space: pre-wrap; margin: 6px 0; }
#panel ul { padding-left: 1.2em; margin: 4px 0; }
.empty-note { color: var(--muted); }
)CSS";
}

}  // namespace tally::html
