// The HTML report's script: the detail panel, the filters and the folding of
// long groups. Everything it hides is shown by the markup, so a browser without
// JavaScript lists every finding. Its state (which severities and rules are
// shown, which groups are unfolded) lives in the page: the checkboxes and the
// groups' "unfolded" class. The unticked filters are also kept in the browser's
// storage for the same set of files, so a report checked again and reloaded
// opens as the reader left it.
#include "output/html_assets.h"

namespace tally::html {

const char* script() {
  return R"JS(
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tally-data").textContent);
  var ui = data.ui || {};
  var panel = document.getElementById("panel");
  var body = panel.querySelector(".body");
  var side = document.getElementById("side");
  // Side by side on a wide screen; one column below this width (the CSS uses the same).
  var wide = window.matchMedia("(min-width: 900px)");
  // A group shows this many findings and folds the rest behind "N more", unless only one would be folded.
  var FOLD = 3;
  var SEVERITIES = ["info", "warning", "error"];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function say(id, fallback) { return ui[id] || fallback; }
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

  // ---- Filters: a finding is shown when both its severity and its rule are ticked.
  function ticked(attr, value) {
    var box = document.querySelector(".filters input[" + attr + '="' + CSS.escape(value) + '"]');
    return !box || box.checked;
  }
  function shown(k) {
    var d = data.diagnostics[k];
    return !!d && ticked("data-sev", d.severity) && ticked("data-rule", d.rule);
  }
  function worst(list) {
    var w = 0;
    list.forEach(function (k) { w = Math.max(w, SEVERITIES.indexOf(data.diagnostics[k].severity)); });
    return SEVERITIES[w];
  }
  // A highlight whose findings are all filtered out looks like plain text; one with some
  // left takes the colour of the worst finding still shown.
  function applyToText() {
    document.querySelectorAll("mark[data-d]").forEach(function (m) {
      var on = ids(m.getAttribute("data-d")).filter(shown);
      m.classList.toggle("off", on.length === 0);
      m.tabIndex = on.length ? 0 : -1;
      var cls = on.length ? "sev-" + worst(on) : null;
      if (cls && !m.classList.contains(cls)) {
        SEVERITIES.forEach(function (s) { m.classList.remove("sev-" + s); });
        m.classList.add(cls);
      }
    });
    document.querySelectorAll("span.rel[data-r]").forEach(function (r) {
      r.classList.toggle("off", ids(r.getAttribute("data-r")).filter(shown).length === 0);
    });
  }
  function applyToList() {
    var any = false;
    document.querySelectorAll("details.group").forEach(function (g) {
      var items = Array.prototype.slice.call(g.querySelectorAll("li[data-k]"));
      var on = items.filter(function (li) { return shown(Number(li.getAttribute("data-k"))); });
      var folds = on.length > FOLD + 1 && !g.classList.contains("unfolded");
      items.forEach(function (li) {
        var i = on.indexOf(li);
        li.hidden = i < 0 || (folds && i >= FOLD);
      });
      g.hidden = on.length === 0;
      any = any || on.length > 0;
      g.querySelector("summary .n").textContent = on.length;
      var more = g.querySelector("button.more");
      more.hidden = on.length <= FOLD + 1;
      more.textContent = folds ? say("html.ui.more", "{n} more").replace("{n}", on.length - FOLD)
                               : say("html.ui.fewer", "Show fewer");
    });
    var none = document.getElementById("flt-none");
    if (none) none.hidden = any;
  }
  // Each file's heading counts the findings the filters show.
  function fill(id, n) { return say(id, "{n}").replace("{n}", n).replace("{s}", n === 1 ? "" : "s"); }
  function applyToCounts() {
    var per = {};
    data.diagnostics.forEach(function (d, k) {
      if (!shown(k)) return;
      var c = per[d.fi] || (per[d.fi] = { error: 0, warning: 0, info: 0 });
      c[d.severity]++;
    });
    document.querySelectorAll("[data-counts]").forEach(function (s) {
      var c = per[s.getAttribute("data-counts")] || { error: 0, warning: 0, info: 0 };
      s.textContent = "(" + ["error", "warning", "info"].map(function (w) {
        return fill("html.count." + w, c[w]);
      }).join(say("list.sep", ", ")) + ")";
    });
  }
  function apply() {
    applyToList();
    applyToText();
    applyToCounts();
    // The panel keeps only what is still shown.
    if (!panel.hidden) {
      var left = current.filter(shown);
      if (left.length) show(left, null); else close();
    }
  }

  // ---- The detail panel.
  var current = [];
  function clear() {
    document.querySelectorAll(".active, .rel-on").forEach(function (e) {
      e.classList.remove("active", "rel-on");
    });
  }
  function item(k) {
    var d = data.diagnostics[k];
    var box = el("div", "item");
    var head = el("p");
    head.appendChild(el("span", "badge sev-" + d.severity, say("html.severity." + d.severity, d.severity)));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("code", null, d.rule));
    head.appendChild(el("span", "where", " " + d.file + ":" + d.line + ":" + d.column +
                                         (d.locator ? " (" + d.locator + ")" : "")));
    box.appendChild(head);
    box.appendChild(el("p", "message", d.message));
    var helpWord = say("html.ui.help", "help:");
    var extra = d.notes.map(function (n) { return helpWord + " " + n; });
    if (d.advice) extra.push(helpWord + " " + d.advice);
    if (extra.length) {
      var ul = el("ul", "notes");
      extra.forEach(function (t) { ul.appendChild(el("li", null, t)); });
      box.appendChild(ul);
    }
    if (d.related.length) {
      box.appendChild(el("p", null, say("html.ui.related", "Related figures:")));
      var rl = el("ul", "related");
      d.related.forEach(function (r) {
        var li = el("li");
        var a = el("a", null, r.line + ":" + r.column + (r.locator ? " (" + r.locator + ")" : ""));
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
      box.appendChild(el("p", "empty-note", say("html.ui.rule", "No explanation for rule") + " " + d.rule));
    }
    return box;
  }
  // Where the panel goes: the top of the side column on a wide screen; on a narrow one,
  // a row right under the line of `at` (a highlight), so it opens beside what it explains.
  function place(at) {
    var row = document.querySelector("tr.panel-row");
    var line = at && !wide.matches ? at.closest("tr") : null;
    if (!line) {
      if (panel.parentNode !== side) side.insertBefore(panel, side.firstChild);
      if (row) row.remove();
      return;
    }
    if (!row) {
      row = el("tr", "panel-row");
      row.appendChild(el("td")).colSpan = 2;
    }
    if (line.nextSibling !== row) line.parentNode.insertBefore(row, line.nextSibling);
    row.firstChild.appendChild(panel);
  }
  // at: the highlight the panel is about, or null to leave the panel where it is.
  function show(list, at) {
    list = list.filter(shown);
    if (!list.length) return;
    current = list;
    clear();
    body.replaceChildren();
    list.forEach(function (k) {
      document.querySelectorAll('[data-d~="' + k + '"]').forEach(function (e) { e.classList.add("active"); });
      document.querySelectorAll('[data-r~="' + k + '"]').forEach(function (e) { e.classList.add("rel-on"); });
      body.appendChild(item(k));
    });
    if (at !== null) place(at);
    panel.hidden = false;
  }
  function close() {
    panel.hidden = true;
    current = [];
    clear();
    place(null);
  }

  document.addEventListener("click", function (ev) {
    if (!ev.target.closest) return;
    var m = ev.target.closest("mark[data-d]");
    if (m) { show(ids(m.getAttribute("data-d")), m); return; }
    var a = ev.target.closest("a[data-k]");
    if (a) {
      var k = Number(a.getAttribute("data-k"));
      show([k], document.getElementById("d-" + k));
    }
  });
  // Hovering opens the panel only beside the text; in one column it would push the text around.
  document.addEventListener("mouseover", function (ev) {
    var m = wide.matches && ev.target.closest && ev.target.closest("mark[data-d]");
    if (m) show(ids(m.getAttribute("data-d")), m);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") close();
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark[data-d]")) ev.target.click();
  });
  panel.querySelector(".close").addEventListener("click", close);
  wide.addEventListener("change", function () { if (!panel.hidden) place(wide.matches ? null : document.querySelector("mark.active")); });

  // ---- Wire up the filters and the folds; without this script they stay hidden.
  var filters = document.querySelector(".filters");
  // Storage may be refused (a private window, a locked-down browser): the page then starts with all ticked.
  var STORE = "tally.filters:" + (data.files || []).join("\n");
  function save() {
    try {
      var off = [];
      filters.querySelectorAll("input").forEach(function (b) { if (!b.checked) off.push(b.id); });
      if (off.length) localStorage.setItem(STORE, JSON.stringify(off)); else localStorage.removeItem(STORE);
    } catch (e) { /* not remembered */ }
  }
  function restore() {
    try {
      JSON.parse(localStorage.getItem(STORE) || "[]").forEach(function (id) {
        var b = document.getElementById(id);
        if (b && filters.contains(b)) b.checked = false;
      });
    } catch (e) { /* start with all ticked */ }
  }
  if (filters) {
    filters.hidden = false;
    restore();
    filters.addEventListener("change", function () { save(); apply(); });
    document.getElementById("flt-all").addEventListener("click", function () {
      filters.querySelectorAll("input").forEach(function (b) { b.checked = true; });
      save();
      apply();
    });
  }
  document.querySelectorAll("details.group").forEach(function (g) {
    var more = el("button", "more");
    more.type = "button";
    more.id = "more-" + g.getAttribute("data-rule");
    more.addEventListener("click", function () { g.classList.toggle("unfolded"); applyToList(); });
    g.appendChild(more);
  });
  apply();

  // Test hook: file:///…/report.html#selftest clicks the first finding's highlight and puts
  // what the panel then says into the title, which a headless browser can dump. Element ids
  // after it, separated by ";" (#selftest;flt-sev-error;more-sum), are then clicked in order,
  // as a person would, so a test can read the filtered and unfolded page from the dump.
  // How many lines of text the open panel lies over (0 is the point of the layout).
  function overlap() {
    var p = panel.getBoundingClientRect();
    return Array.prototype.filter.call(document.querySelectorAll("td.tx"), function (td) {
      var r = td.getBoundingClientRect();
      return r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom;
    }).length;
  }
  var steps = decodeURIComponent(location.hash).split(";");
  if (steps[0] === "#selftest") {
    var first = document.querySelector('mark[data-d~="0"]');
    if (first) {
      first.click();
      var rel = document.querySelectorAll(".rel-on").length;
      document.title = "selftest ok: marks=" + document.querySelectorAll("mark[data-d]").length +
        " related-on=" + rel + " overlap=" + overlap() + " panel=" + body.textContent.replace(/\s+/g, " ");
    } else {
      document.title = "selftest: no highlight";
    }
    steps.slice(1).forEach(function (id) {
      var e = document.getElementById(id);
      if (e) e.click(); else document.title += " [no element " + id + "]";
    });
    document.title += " | shown=" + document.querySelectorAll("li[data-k]:not([hidden])").length +
      " lit=" + document.querySelectorAll("mark[data-d]:not(.off)").length;
  }
})();
)JS";
}

}  // namespace tally::html
