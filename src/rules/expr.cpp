#include "rules/expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace tally {

struct ExprNode {
  enum Kind { Num, Var, Unary, Binary, Call } kind = Num;
  std::string op;  // operator, function or variable name
  Rational num;
  int decimals = 0;
  int depth = 1;  // levels below and including this node: the evaluator recurses this deep
  std::vector<Expr> args;
};

namespace {

// Parsing, evaluating and freeing a tree all recurse once per level, so an
// assertion nested deeper than this (10,000 parentheses, a `not` chain, a
// sum of thousands of terms) is refused at load time instead of overflowing
// the stack. Real assertions are a few levels deep.
constexpr int kMaxDepth = 100;

// Sets a node's depth from its children's; false when that is too deep.
bool set_depth(ExprNode& n) {
  int d = 0;
  for (const auto& a : n.args) d = std::max(d, a->depth);
  n.depth = d + 1;
  return n.depth <= kMaxDepth;
}

class Parser {
 public:
  Parser(const std::string& s, const std::vector<std::string>& known) : s_(s), known_(known) {}

  Result<Expr> parse() {
    if (s_.size() > kMaxLength)
      return Error("", fmt::format("assertion too long ({} bytes; the limit is {})", s_.size(), kMaxLength),
                   {"error.expr.too_long", {{"size", std::to_string(s_.size())}, {"limit", std::to_string(kMaxLength)}}});
    auto e = parse_or();
    if (!e) return e;
    skip();
    if (i_ < s_.size()) return unexpected();
    return e;
  }

 private:
  // `what` in English and as a catalogue message; both say where in the expression.
  Error fail(const std::string& what, Message m) {
    m.args.emplace_back("offset", std::to_string(i_));
    m.args.emplace_back("expr", s_);
    return Error("", fmt::format("{} at offset {} in `{}`", what, i_, s_), std::move(m));
  }
  Error unexpected() {
    std::string c = s_.substr(i_, 1);
    return fail("unexpected '" + c + "'", {"error.expr.unexpected", {{"char", c}}});
  }
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n')) ++i_;
  }
  bool eat(std::string_view t) {
    skip();
    if (s_.compare(i_, t.size(), t) == 0) {
      // keywords must not run into a name
      if (std::isalpha(static_cast<unsigned char>(t[0])) && i_ + t.size() < s_.size() &&
          (std::isalnum(static_cast<unsigned char>(s_[i_ + t.size()])) || s_[i_ + t.size()] == '_'))
        return false;
      i_ += t.size();
      return true;
    }
    return false;
  }
  static constexpr size_t kMaxLength = 64 * 1024;

  Error too_deep() {
    return fail(fmt::format("expression nested too deeply (more than {} levels)", kMaxDepth),
                {"error.expr.too_deep", {{"limit", std::to_string(kMaxDepth)}}});
  }

  Result<Expr> bin(std::string op, Expr a, Expr b) {
    auto n = std::make_shared<ExprNode>();
    n->kind = ExprNode::Binary;
    n->op = std::move(op);
    n->args = {std::move(a), std::move(b)};
    if (!set_depth(*n)) return too_deep();
    return Expr(n);
  }

  // Counts the parser's own recursion (parentheses, calls, `not`), which can
  // run deep before any node exists.
  struct Nest {
    explicit Nest(int& n) : n_(++n) {}
    ~Nest() { --n_; }
    int& n_;
  };
  bool nested_too_deep() const { return nest_ > kMaxDepth; }

  Result<Expr> parse_or() {
    auto a = parse_and();
    if (!a) return a;
    Expr e = *a;
    while (eat("or")) {
      auto b = parse_and();
      if (!b) return b;
      auto n = bin("or", e, *b);
      if (!n) return n;
      e = *n;
    }
    return e;
  }
  Result<Expr> parse_and() {
    auto a = parse_not();
    if (!a) return a;
    Expr e = *a;
    while (eat("and")) {
      auto b = parse_not();
      if (!b) return b;
      auto n = bin("and", e, *b);
      if (!n) return n;
      e = *n;
    }
    return e;
  }
  Result<Expr> parse_not() {
    if (eat("not")) {
      Nest guard(nest_);
      if (nested_too_deep()) return too_deep();
      auto a = parse_not();
      if (!a) return a;
      auto n = std::make_shared<ExprNode>();
      n->kind = ExprNode::Unary;
      n->op = "not";
      n->args = {*a};
      if (!set_depth(*n)) return too_deep();
      return Expr(n);
    }
    return parse_cmp();
  }
  Result<Expr> parse_cmp() {
    auto a = parse_add();
    if (!a) return a;
    for (const char* op : {"<=", ">=", "==", "!=", "<", ">"}) {
      if (eat(op)) {
        auto b = parse_add();
        if (!b) return b;
        return bin(op, *a, *b);
      }
    }
    return a;
  }
  Result<Expr> parse_add() {
    auto a = parse_mul();
    if (!a) return a;
    Expr e = *a;
    while (true) {
      std::string op;
      if (eat("+")) op = "+";
      else if (eat("-") || eat("−")) op = "-";
      else break;
      auto b = parse_mul();
      if (!b) return b;
      auto n = bin(op, e, *b);
      if (!n) return n;
      e = *n;
    }
    return e;
  }
  Result<Expr> parse_mul() {
    auto a = parse_atom();
    if (!a) return a;
    Expr e = *a;
    while (true) {
      std::string op;
      if (eat("*") || eat("×")) op = "*";
      else if (eat("/") || eat("÷")) op = "/";
      else break;
      auto b = parse_atom();
      if (!b) return b;
      auto n = bin(op, e, *b);
      if (!n) return n;
      e = *n;
    }
    return e;
  }
  Result<Expr> parse_atom() {
    skip();
    if (i_ >= s_.size()) return fail("unexpected end", "error.expr.unexpected_end");
    Nest guard(nest_);
    if (nested_too_deep()) return too_deep();
    if (eat("(")) {
      auto e = parse_or();
      if (!e) return e;
      if (!eat(")")) return fail("expected ')'", "error.expr.expected_paren");
      return e;
    }
    if (std::isdigit(static_cast<unsigned char>(s_[i_]))) {
      size_t b = i_;
      while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
      auto n = std::make_shared<ExprNode>();
      n->kind = ExprNode::Num;
      std::string t = s_.substr(b, i_ - b);
      n->num = Rational::parse(t);
      if (!n->num.valid())
      {
        std::string shown = t.size() > 40 ? t.substr(0, 40) + "…" : t;
        return fail(fmt::format("bad number '{}' (at most {} significant digits)", shown, Rational::kMaxDigits),
                    {"error.expr.bad_number", {{"number", shown}, {"limit", std::to_string(Rational::kMaxDigits)}}});
      }
      size_t dot = t.find('.');
      n->decimals = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
      return Expr(n);
    }
    if (std::isalpha(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_') {
      size_t b = i_;
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
      std::string name = s_.substr(b, i_ - b);
      if (eat("(")) {
        static const std::vector<std::string> fns = {"abs", "min", "max", "sum", "approx"};
        if (std::find(fns.begin(), fns.end(), name) == fns.end()) return fail("unknown function '" + name + "'", {"error.expr.unknown_function", {{"name", name}}});
        auto n = std::make_shared<ExprNode>();
        n->kind = ExprNode::Call;
        n->op = name;
        if (!eat(")")) {
          do {
            auto a = parse_or();
            if (!a) return a;
            n->args.push_back(*a);
          } while (eat(","));
          if (!eat(")")) return fail("expected ')' after arguments", "error.expr.expected_paren_args");
        }
        if ((name == "abs" && n->args.size() != 1) || (name == "approx" && n->args.size() != 2) || n->args.empty())
          return fail(fmt::format("wrong number of arguments to {}", name), {"error.expr.arguments", {{"name", name}}});
        if (!set_depth(*n)) return too_deep();
        return Expr(n);
      }
      if (std::find(known_.begin(), known_.end(), name) == known_.end())
        return fail("unknown name '" + name + "' (not a capture of the pattern)", {"error.expr.unknown_name", {{"name", name}}});
      auto n = std::make_shared<ExprNode>();
      n->kind = ExprNode::Var;
      n->op = name;
      return Expr(n);
    }
    return unexpected();
  }

  const std::string& s_;
  const std::vector<std::string>& known_;
  size_t i_ = 0;
  int nest_ = 0;
};

ExprValue boolean(bool b) {
  ExprValue v;
  v.is_bool = true;
  v.truth = b;
  return v;
}

ExprValue number(Interval iv) {
  ExprValue v;
  v.iv = iv;
  v.printed = iv.lo;
  return v;
}

// A bound past what exact arithmetic holds (Rational::invalid) would make every comparison hold, so the
// assertion would pass without having been checked: it is an error the caller reports instead.
bool exceeds(const Interval& iv) { return (!iv.lo_inf && !iv.lo.valid()) || (!iv.hi_inf && !iv.hi.valid()); }

Result<ExprValue> arithmetic(Interval iv) {
  if (exceeds(iv)) return Error{std::string(kExprOverflow)};
  return number(iv);
}

}  // namespace

Result<Expr> parse_expr(const std::string& src, const std::vector<std::string>& known) {
  return Parser(src, known).parse();
}

Result<ExprValue> eval_expr(const Expr& e, const std::map<std::string, ExprValue>& vars) {
  switch (e->kind) {
    case ExprNode::Num: {
      ExprValue v = number(Interval::exact(e->num));
      v.decimals = e->decimals;
      return v;
    }
    case ExprNode::Var: {
      auto it = vars.find(e->op);
      if (it == vars.end()) return Error{"no value for '" + e->op + "'"};
      if (!it->second.is_bool && exceeds(it->second.iv)) return Error{std::string(kExprOverflow)};
      return it->second;
    }
    case ExprNode::Unary: {
      auto a = eval_expr(e->args[0], vars);
      if (!a) return a;
      return boolean(!a->truth);
    }
    case ExprNode::Binary: {
      auto a = eval_expr(e->args[0], vars);
      if (!a) return a;
      if (e->op == "and" && !a->truth) return boolean(false);
      if (e->op == "or" && a->truth) return boolean(true);
      auto b = eval_expr(e->args[1], vars);
      if (!b) return b;
      const std::string& op = e->op;
      if (op == "and" || op == "or") return boolean(b->truth);
      const Interval& x = a->iv;
      const Interval& y = b->iv;
      if (op == "+") return arithmetic(x + y);
      if (op == "-") return arithmetic(x - y);
      if (op == "*") return arithmetic(x * y);
      if (op == "/") {
        if (!y.lo_inf && !y.hi_inf && y.lo == Rational(0) && y.hi == Rational(0)) return Error{"division by zero"};
        return arithmetic(x / y);
      }
      // Comparisons hold when some values of the intervals satisfy them.
      if (op == "==") return boolean(x.intersects(y));
      if (op == "!=") return boolean(!(x.is_exact() && y.is_exact() && x.lo == y.lo));
      if (op == "<") return boolean(x.lo_inf || y.hi_inf || x.lo < y.hi);
      if (op == "<=") return boolean(x.lo_inf || y.hi_inf || x.lo <= y.hi);
      if (op == ">") return boolean(x.hi_inf || y.lo_inf || x.hi > y.lo);
      if (op == ">=") return boolean(x.hi_inf || y.lo_inf || x.hi >= y.lo);
      return Error{"unknown operator " + op};
    }
    case ExprNode::Call: {
      std::vector<ExprValue> args;
      for (const auto& a : e->args) {
        auto v = eval_expr(a, vars);
        if (!v) return v;
        args.push_back(*v);
      }
      const std::string& f = e->op;
      if (f == "approx") {
        RoundingVerdict r = compare_rounded(args[0].iv, args[1].printed, args[1].decimals);
        return boolean(r == RoundingVerdict::Match);
      }
      if (f == "abs") {
        Interval x = args[0].iv;
        if (!x.lo_inf && x.lo >= Rational(0)) return number(x);
        if (!x.hi_inf && x.hi <= Rational(0)) return number(Interval{Rational(0) - x.hi, Rational(0) - x.lo});
        Interval r{Rational(0), x.hi_inf || (!x.lo_inf && Rational(0) - x.lo < x.hi) ? x.hi : Rational(0) - x.lo};
        r.hi_inf = x.hi_inf || x.lo_inf;
        return arithmetic(r);
      }
      if (f == "sum") {
        Interval s = Interval::exact(Rational(0));
        for (const auto& a : args) s = s + a.iv;
        return arithmetic(s);
      }
      Interval r = args[0].iv;
      for (size_t i = 1; i < args.size(); ++i) {
        const Interval& y = args[i].iv;
        // Open ends: a missing bound is -inf (lo) or +inf (hi).
        auto lo_less = [](const Interval& a, const Interval& b) { return a.lo_inf || (!b.lo_inf && a.lo < b.lo); };
        auto hi_less = [](const Interval& a, const Interval& b) { return !a.hi_inf && (b.hi_inf || a.hi < b.hi); };
        Interval n = r;
        if (f == "min") {
          if (lo_less(y, r)) { n.lo = y.lo; n.lo_inf = y.lo_inf; }
          if (hi_less(y, r)) { n.hi = y.hi; n.hi_inf = y.hi_inf; }
        } else {
          if (lo_less(r, y)) { n.lo = y.lo; n.lo_inf = y.lo_inf; }
          if (hi_less(r, y)) { n.hi = y.hi; n.hi_inf = y.hi_inf; }
        }
        r = n;
      }
      return arithmetic(r);
    }
  }
  return Error{"bad expression"};
}

}  // namespace tally
