#include "output/html_assets.h"

namespace tally::html {

const char* style_sheet() {
  return R"CSS(
:root { --err: #cf222e; --warn: #9a6700; --info: #0969da; --line: #d0d7de; --muted: #656d76; }
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; background: #fff; line-height: 1.7;
  font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
header, main { padding: 0 24px; }
header { border-bottom: 1px solid var(--line); padding-bottom: 8px; }
h1 { font-size: 1.5em; margin: 16px 0 4px; }
h2 { font-size: 1.15em; margin: 24px 0 8px; }
.summary span { margin-right: 1.2em; }
.count-error { color: var(--err); font-weight: bold; }
.count-warning { color: var(--warn); font-weight: bold; }
.count-info { color: var(--info); font-weight: bold; }
ol.findings { padding-left: 2.5em; }
ol.findings li { margin: 2px 0; }
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
.rel.rel-on, mark.rel-on { background: #d8ccff; outline: 2px solid #8250df; }
#panel { position: fixed; right: 16px; bottom: 16px; width: min(560px, 92vw); max-height: 55vh; overflow: auto;
  background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px 12px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); }
#panel[hidden] { display: none; }
#panel .close { float: right; border: 0; background: none; font-size: 1.3em; cursor: pointer; }
#panel .item + .item { border-top: 1px solid var(--line); margin-top: 8px; }
#panel .message, #panel .rule-summary { font-weight: bold; }
#panel .explanation { color: #31363c; background: #f6f8fa; padding: 2px 10px; border-radius: 6px; }
#panel .explanation p { margin: 6px 0; }
#panel .explanation pre { white-space: pre-wrap; margin: 6px 0; }
#panel ul { padding-left: 1.2em; margin: 4px 0; }
.empty-note { color: var(--muted); }
)CSS";
}

const char* script() {
  return R"JS(
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tally-data").textContent);
  var panel = document.getElementById("panel");
  var body = panel.querySelector(".body");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // The rule explanations arrive as HTML that tally rendered from Markdown with cmark, which
  // escapes any raw HTML a pack holds; only that HTML is ever assigned as markup.
  function explanation(html) {
    var box = el("div", "explanation");
    box.innerHTML = html;
    return box;
  }
  function ids(attr) {
    return attr ? attr.split(" ").map(Number) : [];
  }
  function clear() {
    document.querySelectorAll(".active, .rel-on").forEach(function (e) {
      e.classList.remove("active", "rel-on");
    });
  }
  function item(k) {
    var d = data.diagnostics[k];
    var box = el("div", "item");
    var head = el("p");
    head.appendChild(el("span", "badge sev-" + d.severity, d.severity));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("code", null, d.rule));
    head.appendChild(el("span", "where", " " + d.file + ":" + d.line + ":" + d.column));
    box.appendChild(head);
    box.appendChild(el("p", "message", d.message));
    var ui = data.ui || {};
    var helpWord = ui["html.ui.help"] || "help:";
    var extra = d.notes.map(function (n) { return helpWord + " " + n; });
    if (d.advice) extra.push(helpWord + " " + d.advice);
    if (extra.length) {
      var ul = el("ul", "notes");
      extra.forEach(function (t) { ul.appendChild(el("li", null, t)); });
      box.appendChild(ul);
    }
    if (d.related.length) {
      box.appendChild(el("p", null, ui["html.ui.related"] || "Related figures:"));
      var rl = el("ul", "related");
      d.related.forEach(function (r) {
        var li = el("li");
        var a = el("a", null, r.line + ":" + r.column);
        a.href = r.href;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" " + r.message));
        rl.appendChild(li);
      });
      box.appendChild(rl);
    }
    var rule = data.rules[d.rule];
    if (rule) {
      if (rule.summary) box.appendChild(el("p", "rule-summary", rule.summary));
      if (rule.explanation) box.appendChild(explanation(rule.explanation));
      if (rule.url) {
        var link = el("a", "rule-page", d.rule);
        link.href = rule.url;
        var p = el("p", "rule-link");
        p.appendChild(link);
        box.appendChild(p);
      }
    } else {
      box.appendChild(el("p", "empty-note", (ui["html.ui.rule"] || "No explanation for rule") + " " + d.rule));
    }
    return box;
  }
  function show(list) {
    clear();
    body.replaceChildren();
    list.forEach(function (k) {
      if (!data.diagnostics[k]) return;
      document.querySelectorAll('[data-d~="' + k + '"]').forEach(function (e) { e.classList.add("active"); });
      document.querySelectorAll('[data-r~="' + k + '"]').forEach(function (e) { e.classList.add("rel-on"); });
      body.appendChild(item(k));
    });
    panel.hidden = false;
  }

  document.addEventListener("click", function (ev) {
    var m = ev.target.closest("mark[data-d]");
    if (m) { show(ids(m.getAttribute("data-d"))); return; }
    var a = ev.target.closest("a[data-k]");
    if (a) show([Number(a.getAttribute("data-k"))]);
  });
  document.addEventListener("mouseover", function (ev) {
    var m = ev.target.closest("mark[data-d]");
    if (m) show(ids(m.getAttribute("data-d")));
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { panel.hidden = true; clear(); }
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark[data-d]")) ev.target.click();
  });
  panel.querySelector(".close").addEventListener("click", function () { panel.hidden = true; clear(); });

  // Test hook: file:///…/report.html#selftest clicks the first finding's highlight
  // and puts what the panel then says into the title, which a headless browser can dump.
  if (location.hash === "#selftest") {
    var first = document.querySelector('mark[data-d~="0"]');
    if (first) {
      first.click();
      var rel = document.querySelectorAll(".rel-on").length;
      document.title = "selftest ok: marks=" + document.querySelectorAll("mark[data-d]").length +
        " related-on=" + rel + " panel=" + body.textContent.replace(/\s+/g, " ");
    } else {
      document.title = "selftest: no highlight";
    }
  }
})();
)JS";
}

}  // namespace tally::html
