#include <fmt/format.h>

#include "output/render.h"

namespace tally {

std::string fix_advice(const SourceText& src, const Diagnostic& d, const RenderOptions& opts) {
  auto option = [&](const Fix& f) {
    return opts.say(Message("fix.option", {{"figure", std::string(src.slice(f.span))}, {"replacement", f.replacement}}));
  };
  if (!d.alternatives.empty()) {
    std::string options;
    if (d.fix) options = option(*d.fix);
    for (const auto& a : d.alternatives) options += (options.empty() ? "" : opts.say("fix.or")) + option(a);
    return opts.say(Message(d.fix || d.alternatives.size() > 1 ? "fix.either" : "fix.perhaps", {{"options", options}}));
  }
  if (!d.fix) return "";
  if (d.fix->span.begin != d.span.begin)
    return opts.say(Message("fix.replace_figure", {{"figure", std::string(src.slice(d.fix->span))},
                                                   {"replacement", d.fix->replacement}}));
  return opts.say(Message("fix.replace", {{"replacement", d.fix->replacement}}));
}

}  // namespace tally
