// Guards the docs against numbers typed by hand (issue 22: docs that cannot drift). In the files
// it is given, every result-like number must be either generated and checked (inside a
// <!-- value -->, <!-- table -->, <!-- output --> marker: tests/docs/docs_outputs.cpp) or marked
// as recorded history, a measurement of its day that no script is meant to repeat:
//
//   <!-- recorded 2026-11-22: build/release/bench/bench_baseline_run 30 10 1 (2-core EPYC VM) -->
//   ...the figures as measured then...
//   <!-- /recorded -->
//
// A recorded marker must give its date (YYYY-MM-DD) and, after the colon, the command that made
// the figures. Figures quoted from the literature (a casualty count, a paper's estimate) are
// neither output nor history; they sit in a cited block that names their source (a reference key
// as in docs/provenance.yaml, or the publication as the text cites it):
//
//   <!-- cited: Epstein 2002 -->
//   ...the figures as the source gives them...
//   <!-- /cited -->
//
// Arithmetic the text works out (a worked example of a formula) is shown whole, expression and
// result, and recomputed here: the result must be the expression's value to the decimals shown.
//
//   halves the gap in two weeks (<!-- worked -->0.95^14 = 0.49<!-- /worked -->)
//
// (numbers, + - x × / ^ ² ³ and parentheses). Some numbers are not results and are not read: a
// fenced block in a language (```bash, ```yaml: commands and input files, what the reader types,
// like code spans), a standard's number (RFC 4180, ISO 8601, IEEE 754), and a file generated whole (first
// line <!-- generated: ... -->, checked line by line by docs/outputs).
//
// Never a model output: a number the program computes is a value or a recorded figure. Numbers not yet marked are listed, file by file, in an allowance file (one
// `FILE<TAB>NUMBER<TAB>COUNT` a line): the list may only shrink. The program fails on a number
// that is in none, on an allowance no longer used (so a marked number leaves the list), on a
// recorded marker without a date or a command, and on a cited marker without a source.
//
// Result-like numbers: any with a decimal point (0.395), a percentage (12%), or an integer of
// three digits or more (2,195; 1000), but not a year (1900-2099) or a date (2015-01-27). Small
// integers ("8 hours", "issue 22") are too common in prose to tell from results and are not
// counted. Not read: code spans (commands and options), link targets, HTML comments.
//
//   campsim_docs_numbers --source DIR --allow FILE [--list] DOC.md...
//     --list prints the unmarked numbers in the allowance format instead of checking.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Found {
  std::string file, number, line_text;
  std::size_t line = 0;
};

struct Scan {
  std::vector<Found> unmarked;
  std::vector<std::string> errors;
};

// The value of an arithmetic expression as the docs write it: numbers, + - x × / ^ ² ³ and
// parentheses, the usual precedence (^ binds tightest and to the right). Throws on anything else.
class Arithmetic {
 public:
  explicit Arithmetic(std::string text) : s_(std::move(text)) {}
  double value() {
    const double v = sum();
    skip_spaces();
    if (at_ < s_.size()) fail("unexpected '" + s_.substr(at_) + "'");
    return v;
  }

 private:
  std::string s_;
  std::size_t at_ = 0;
  [[noreturn]] void fail(const std::string& why) const { throw std::runtime_error(why + " in '" + s_ + "'"); }
  void skip_spaces() {
    while (at_ < s_.size() && s_[at_] == ' ') ++at_;
  }
  bool take(const std::string& token) {
    skip_spaces();
    if (s_.compare(at_, token.size(), token) != 0) return false;
    at_ += token.size();
    return true;
  }
  double sum() {
    double v = product();
    for (;;) {
      if (take("+")) v += product();
      else if (take("-") || take("\u2212")) v -= product();
      else return v;
    }
  }
  double product() {
    double v = power();
    for (;;) {
      if (take("*") || take("x ") || take("\u00d7")) v *= power();
      else if (take("/")) v /= power();
      else return v;
    }
  }
  double power() {
    const double base = atom();
    if (take("^")) return std::pow(base, power());
    if (take("\u00b2")) return base * base;
    if (take("\u00b3")) return base * base * base;
    return base;
  }
  double atom() {
    if (take("(")) {
      const double v = sum();
      if (!take(")")) fail("a parenthesis never closed");
      return v;
    }
    if (take("-") || take("\u2212")) return -atom();
    skip_spaces();
    std::size_t used = 0;
    try {
      const double v = std::stod(s_.substr(at_), &used);
      at_ += used;
      return v;
    } catch (const std::exception&) {
      fail("a number expected at '" + s_.substr(at_) + "'");
    }
  }
};

// "EXPR = RESULT": empty when the result is the expression's value to the decimals shown, else
// what is wrong.
std::string check_worked(const std::string& shown) {
  const auto equals = shown.rfind(" = ");
  if (equals == std::string::npos) return "a worked example must read EXPRESSION = RESULT: '" + shown + "'";
  const std::string result = shown.substr(equals + 3);
  try {
    const double value = Arithmetic(shown.substr(0, equals)).value();
    const auto point = result.find('.');
    const int decimals = point == std::string::npos ? 0 : static_cast<int>(result.size() - point - 1);
    if (std::abs(value - std::stod(result)) <= 0.5 * std::pow(10.0, -decimals) + 1e-12) return "";
    std::ostringstream was;
    was.precision(6);
    was << value;
    return "'" + shown + "': the expression gives " + was.str();
  } catch (const std::exception& e) {
    return std::string("a worked example: ") + e.what();
  }
}

// Blanks what is not prose: code spans, link targets, HTML comments, values and worked examples
// between their markers, standards' numbers.
std::string prose_of(const std::string& line) {
  static const std::regex value("<!-- value.*?<!-- /value -->"), worked("<!-- worked -->.*?<!-- /worked -->"),
      comment("<!--.*?-->"), code("`[^`]*`"), link("\\]\\([^)]*\\)"), url("https?://[^ )>]+"),
      standard("\\b(RFC|ISO|IEEE) [0-9]+");
  std::string s = std::regex_replace(line, value, " ");
  s = std::regex_replace(s, worked, " ");
  s = std::regex_replace(s, standard, " ");
  s = std::regex_replace(s, comment, " ");
  s = std::regex_replace(s, code, " ");
  s = std::regex_replace(s, link, "] ");
  return std::regex_replace(s, url, " ");
}

std::vector<std::string> numbers_in(const std::string& prose) {
  static const std::regex number("(^|[^0-9A-Za-z_.,-])([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9][0-9,]*(\\.[0-9]+)?( ?%)?)");
  static const std::regex date("[0-9]{4}-[0-9]{2}-[0-9]{2}"), year("(19|20)[0-9]{2}"), grouped("[0-9]{1,3}(,[0-9]{3})+");
  std::vector<std::string> out;
  for (std::sregex_iterator it(prose.begin(), prose.end(), number), end; it != end; ++it) {
    std::string n = (*it)[2].str();
    while (!n.empty() && n.back() == ',') n.pop_back();  // "3, 4 and 5": a list, not 3,4
    if (std::regex_match(n, date) || std::regex_match(n, year)) continue;
    const bool decimal = n.find('.') != std::string::npos, percent = n.back() == '%';
    const bool long_integer = std::regex_match(n, grouped) || (n.find(',') == std::string::npos && n.size() >= 3);
    if (decimal || percent || long_integer) out.push_back(n);
  }
  return out;
}

Scan scan(const fs::path& source, const std::string& relative) {
  Scan s;
  std::ifstream in(source / relative);
  if (!in) {
    s.errors.push_back(relative + ": cannot be read");
    return s;
  }
  static const std::regex recorded_open("^<!-- recorded\\b.*-->$"),
      recorded_ok("^<!-- recorded [0-9]{4}-[0-9]{2}-[0-9]{2}[^:]*: +[^ ].* -->$"),
      cited_open("^<!-- cited\\b.*-->$"), cited_ok("^<!-- cited: +[^ ].* -->$"),
      generated_block("^<!-- (output( \\(slow\\))?|table): .* -->$");
  static const std::regex worked_marker("<!-- worked -->(.*?)<!-- /worked -->");
  std::string line;
  std::size_t number = 0;
  bool in_recorded = false, in_cited = false, in_table = false, in_fence = false, fence_skipped = false, next_fence_generated = false;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = relative + ":" + std::to_string(number);
    if (number == 1 && line.rfind("<!-- generated: ", 0) == 0) return s;  // docs/outputs checks it whole
    if (line.rfind("```", 0) == 0) {
      // A fence in a language holds input (commands, a scenario); a bare one, output.
      if (!in_fence) fence_skipped = next_fence_generated || line.size() > 3;
      in_fence = !in_fence;
      next_fence_generated = false;
      continue;
    }
    if (in_fence && fence_skipped) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), worked_marker), end; it != end; ++it)
      if (const std::string wrong = check_worked((*it)[1].str()); !wrong.empty()) s.errors.push_back(where + ": " + wrong);
    if (std::regex_match(line, recorded_open)) {
      if (in_recorded || in_cited) s.errors.push_back(where + ": a recorded block inside another block");
      if (!std::regex_match(line, recorded_ok))
        s.errors.push_back(where + ": a recorded marker needs its date and command: <!-- recorded YYYY-MM-DD: COMMAND -->");
      in_recorded = true;
      continue;
    }
    if (line == "<!-- /recorded -->") {
      if (!in_recorded) s.errors.push_back(where + ": <!-- /recorded --> without its opening marker");
      in_recorded = false;
      continue;
    }
    if (std::regex_match(line, cited_open)) {
      if (in_cited || in_recorded) s.errors.push_back(where + ": a cited block inside another block");
      if (!std::regex_match(line, cited_ok))
        s.errors.push_back(where + ": a cited marker needs its source: <!-- cited: SOURCE -->");
      in_cited = true;
      continue;
    }
    if (line == "<!-- /cited -->") {
      if (!in_cited) s.errors.push_back(where + ": <!-- /cited --> without its opening marker");
      in_cited = false;
      continue;
    }
    if (line.rfind("<!-- table: ", 0) == 0) in_table = true;
    if (line == "<!-- /table -->") in_table = false;
    if (std::regex_match(line, generated_block)) next_fence_generated = line.rfind("<!-- output", 0) == 0;
    if (in_recorded || in_cited || in_table) continue;
    for (const std::string& n : numbers_in(prose_of(line))) s.unmarked.push_back({relative, n, line, number});
  }
  if (in_recorded) s.errors.push_back(relative + ": a recorded block never closed (<!-- /recorded -->)");
  if (in_cited) s.errors.push_back(relative + ": a cited block never closed (<!-- /cited -->)");
  if (in_table) s.errors.push_back(relative + ": a table never closed (<!-- /table -->)");
  return s;
}

using Allowance = std::map<std::pair<std::string, std::string>, long>;

Allowance read_allowance(const fs::path& file) {
  Allowance allowed;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string doc, number, count;
    if (!std::getline(fields, doc, '\t') || !std::getline(fields, number, '\t') || !std::getline(fields, count))
      throw std::runtime_error(file.string() + ": a line is not FILE<TAB>NUMBER<TAB>COUNT: " + line);
    allowed[{doc, number}] += std::stol(count);
  }
  return allowed;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path source, allowance;
  bool list = false;
  std::vector<std::string> docs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--source" && i + 1 < argc) source = argv[++i];
    else if (a == "--allow" && i + 1 < argc) allowance = argv[++i];
    else if (a == "--list") list = true;
    else docs.push_back(a);
  }
  if (source.empty() || (allowance.empty() && !list) || docs.empty()) {
    std::cerr << "usage: campsim_docs_numbers --source DIR --allow FILE [--list] DOC.md...\n";
    return 2;
  }
  std::vector<std::string> errors;
  Allowance found;
  std::map<std::pair<std::string, std::string>, std::vector<const Found*>> where;
  std::vector<Scan> scans;
  for (const std::string& d : docs) scans.push_back(scan(source, d));
  for (const Scan& s : scans) {
    errors.insert(errors.end(), s.errors.begin(), s.errors.end());
    for (const Found& f : s.unmarked) {
      ++found[{f.file, f.number}];
      where[{f.file, f.number}].push_back(&f);
    }
  }
  if (list) {
    for (const auto& [key, count] : found) std::cout << key.first << "\t" << key.second << "\t" << count << "\n";
    return errors.empty() ? 0 : 1;
  }
  Allowance allowed;
  try {
    allowed = read_allowance(allowance);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  for (const auto& [key, count] : found) {
    const long may = allowed.count(key) ? allowed.at(key) : 0;
    if (count <= may) continue;
    for (const Found* f : where[key])
      errors.push_back(f->file + ":" + std::to_string(f->line) + ": " + f->number +
                       " is typed by hand: mark it <!-- value: ... --> (generated and checked) or put it in a "
                       "<!-- recorded YYYY-MM-DD: COMMAND --> block, or if a publication gives it, in a <!-- cited: SOURCE --> block, "
                       "or if the text works it out, show the arithmetic <!-- worked -->EXPR = N<!-- /worked -->\n    " + f->line_text);
  }
  for (const auto& [key, may] : allowed) {
    const long count = found.count(key) ? found.at(key) : 0;
    if (count < may)
      errors.push_back(allowance.string() + ": " + key.first + " allows " + key.second + " " + std::to_string(may) +
                       " time(s), the doc has it " + std::to_string(count) + ": lower the count (the list only shrinks)");
  }
  for (const std::string& e : errors) std::cerr << e << "\n";
  if (!errors.empty()) std::cerr << errors.size() << " problem(s) with numbers typed by hand in the docs\n";
  return errors.empty() ? 0 : 1;
}
