// Keeps the outputs shown in README.md and docs/ equal to what campsim prints (issue 22: docs that
// cannot drift). A block of program output in Markdown is marked with the command that makes it:
//
//   <!-- output: run scenarios/gao_baseline.yaml --days 30 --seed 7 -->
//   ```
//   ...what `campsim run scenarios/gao_baseline.yaml --days 30 --seed 7` prints...
//   ```
//
// optionally keeping only some lines (`| match REGEX`, `| drop REGEX`), and a number in a
// sentence with the command and a pattern whose first group is the number (in a table row, write
// the bar ` \| `, escaped, or the table splits the cell there):
//
//   the camp's <!-- value: run scenarios/gao_baseline.yaml --days 1 | world +([0-9]+) people -->2195<!-- /value --> people
//
// A number that is a constant of the code or of a test (a figure's size, a threshold, a test's
// sample size) is read from that file, `file PATH` in place of the command (PATH from the source
// tree), with a pattern that names the constant:
//
//   figures of <!-- value: file analysis/plots.cpp | kFigureWidth = ([0-9]+) -->1000<!-- /value --> pixels
//
// A figure a test program prints (a validation against experiments, a measured variance) comes
// from that program, `test campsim_NAME_tests ARGS` in place of the command (the program built
// next to campsim, build/release/tests/):
//
//   flows of <!-- value: test campsim_crowd_tests "[validation]" -s \| width 1 m, seed 1: .* flow ([0-9.]+) -->1.41<!-- /value -->
//
// A whole file that a command prints (docs/provenance.md, the parameter register) says so on its
// first line, and everything after that line is the command's output:
//
//   <!-- generated: params scenarios/gao_baseline.yaml scenarios -->
//
// Markdown a command prints (a table), shown as Markdown rather than as a code block, sits
// between a marker and its end:
//
//   <!-- table: params scenarios/gao_baseline.yaml --format keys --section world -->
//   | key | unit | ... |
//   <!-- /table -->
//
// `(slow)` after `output` or `value` marks a command that takes minutes (a batch of years): it is
// checked only with --slow. The commands run in order, one scratch directory per Markdown file
// (with the source's scenarios/, analysis/ and docs/ linked in, so relative paths work and a later
// command sees an earlier one's output); each distinct command runs once. Wall-clock times
// ("0.07 s", "1.5 runs/s") and git revisions are masked when comparing, and the scratch
// directory is shown as /home/you/campsim.
//
//   campsim_docs_outputs --campsim BIN --source DIR --check [--slow]   exit 1 when a doc differs
//   campsim_docs_outputs --campsim BIN --source DIR --write [--slow]   rewrite the docs
//
// --part K/N takes only the files whose place in the sorted list, counted from 0, is K modulo N:
// ctest checks the docs as N tests, parts 0/N to N-1/N, that run side by side and together cover
// every file (each file has its own scratch directory, so no file depends on another's commands).
//
// A command that runs while its file's scratch directory still holds nothing but the links (no
// earlier command of that file wrote anything) prints the same and writes the same files in any
// other such directory: campsim is deterministic. Its output and a copy of what it wrote are kept,
// and a later file of the same process whose directory is still untouched takes them instead of
// running the command again (the 2016 replay's 1,000 replications, in docs/calibration.md and
// docs/replays.md, one part: 17 s of CPU each).
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* kShownDirectory = "/home/you/campsim";
constexpr std::array<const char*, 3> kLinked{"scenarios", "analysis", "docs"};

class SharedRuns;

struct Options {
  fs::path campsim, source;
  bool write = false, slow = false;
  std::size_t part = 0, parts = 1;  // --part K/N
  SharedRuns* shared = nullptr;      // commands run in an untouched scratch directory, by any file
};

// True when the scratch directory holds only the links to the source (nothing written in it yet).
bool untouched(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (std::find(kLinked.begin(), kLinked.end(), e.path().filename().string()) == kLinked.end()) return false;
  return true;
}

// What a command printed in an untouched scratch directory, and a copy of what it wrote there.
class SharedRuns {
 public:
  SharedRuns() {
    char pattern[] = "/tmp/campsim-docs-shared-XXXXXX";
    if (!::mkdtemp(pattern)) throw std::runtime_error("cannot make a directory for shared outputs");
    stash_ = pattern;
  }
  ~SharedRuns() {
    std::error_code ignored;
    fs::remove_all(stash_, ignored);
  }
  SharedRuns(const SharedRuns&) = delete;
  SharedRuns& operator=(const SharedRuns&) = delete;
  // The output of `arguments` with what it wrote copied into `dir` (untouched), if it ran before.
  std::optional<std::string> take(const std::string& arguments, const fs::path& dir) const {
    const auto at = outputs_.find(arguments);
    if (at == outputs_.end()) return std::nullopt;
    fs::copy(stash_ / std::to_string(at->second.first), dir, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    return at->second.second;
  }
  // Keeps `output` and everything but the links in `dir`, where `arguments` just ran untouched.
  void keep(const std::string& arguments, const std::string& output, const fs::path& dir) {
    const std::size_t n = outputs_.size();
    const fs::path copy = stash_ / std::to_string(n);
    fs::create_directory(copy);
    for (const auto& e : fs::directory_iterator(dir))
      if (std::find(kLinked.begin(), kLinked.end(), e.path().filename().string()) == kLinked.end())
        fs::copy(e.path(), copy / e.path().filename(), fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    outputs_.emplace(arguments, std::pair{n, output});
  }

 private:
  fs::path stash_;
  std::map<std::string, std::pair<std::size_t, std::string>> outputs_;  // arguments -> (copy, output)
};

// "K/N" with 0 <= K < N, or nothing.
std::optional<std::pair<std::size_t, std::size_t>> parse_part(const std::string& text) {
  static const std::regex part("([0-9]{1,3})/([0-9]{1,3})");
  std::smatch m;
  if (!std::regex_match(text, m, part)) return std::nullopt;
  const std::size_t k = std::stoul(m[1].str()), n = std::stoul(m[2].str());
  if (n == 0 || k >= n) return std::nullopt;
  return std::pair{k, n};
}

struct Command {
  std::string arguments;
  std::vector<std::pair<bool, std::regex>> filters;  // keep (match) or drop, in order
  std::string capture;                               // value: the pattern whose group 1 is shown
  bool slow = false;
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// "ARGS | match RE | drop RE" (or "| RE" for a value) after "output:" / "value:".
Command parse_command(const std::string& text, bool value, bool slow) {
  Command c;
  c.slow = slow;
  // In a Markdown table row the bar is escaped (" \\| "), or the table would split the cell there.
  std::vector<std::string> parts;
  static const std::regex bar(" \\\\?\\| ");
  std::size_t start = 0;
  for (std::smatch m; std::regex_search(text.cbegin() + static_cast<std::ptrdiff_t>(start), text.cend(), m, bar);) {
    parts.push_back(text.substr(start, static_cast<std::size_t>(m.position(0))));
    start += static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  parts.push_back(text.substr(start));
  c.arguments = trim(parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string p = trim(parts[i]);
    if (value) c.capture = p;
    else if (p.rfind("match ", 0) == 0) c.filters.emplace_back(true, std::regex(p.substr(6)));
    else if (p.rfind("drop ", 0) == 0) c.filters.emplace_back(false, std::regex(p.substr(5)));
    else throw std::runtime_error("unknown filter '" + p + "' (match REGEX or drop REGEX)");
  }
  return c;
}

class Runner {
 public:
  Runner(const Options& o) : options_(o) {
    char pattern[] = "/tmp/campsim-docs-XXXXXX";
    if (!::mkdtemp(pattern)) throw std::runtime_error("cannot make a scratch directory");
    dir_ = pattern;
    // docs/ for the files commands read from it (the parameter register, docs/provenance.yaml).
    for (const char* linked : kLinked) fs::create_directory_symlink(o.source / linked, dir_ / linked);
  }
  ~Runner() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  const std::string& output_of(const std::string& arguments) {
    if (const auto at = done_.find(arguments); at != done_.end()) return at->second;
    if (arguments.rfind("file ", 0) == 0) {
      const fs::path file = options_.source / trim(arguments.substr(5));
      std::ifstream in(file);
      if (!in) throw std::runtime_error("cannot read " + file.string() + " (a value marker's file)");
      std::stringstream text;
      text << in.rdbuf();
      return done_[arguments] = text.str();
    }
    const bool first_to_write = options_.shared != nullptr && untouched(dir_);
    if (first_to_write)
      if (std::optional<std::string> shared = options_.shared->take(arguments, dir_)) {
        std::cerr << "docs: " << arguments << " (as printed for an earlier file)\n";
        return done_[arguments] = *shared;
      }
    const std::string command = "cd '" + dir_.string() + "' && '" + program_of(arguments) + "' " + arguments_of(arguments) + " 2>&1";
    std::cerr << "docs: " << arguments << "\n";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
      std::array<char, 4096> buffer{};
      while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
      ::pclose(pipe);
    }
    // The scratch directory as a reader's would be.
    for (std::size_t at = out.find(dir_.string()); at != std::string::npos; at = out.find(dir_.string(), at))
      out.replace(at, dir_.string().size(), kShownDirectory);
    if (first_to_write) options_.shared->keep(arguments, out, dir_);
    return done_[arguments] = out;
  }

 private:
  // "test campsim_X_tests ARGS": a figure a test prints (a validation's measured flows), from the
  // test program next to campsim's build (build/release/tests/); anything else runs campsim.
  static bool is_test(const std::string& arguments) { return arguments.rfind("test ", 0) == 0; }
  std::string program_of(const std::string& arguments) const {
    if (!is_test(arguments)) return options_.campsim.string();
    static const std::regex test_program("test (campsim_[a-z_]+_tests)( .*)?");
    std::smatch m;
    if (!std::regex_match(arguments, m, test_program))
      throw std::runtime_error("'" + arguments + "': a test marker names a test program, test campsim_NAME_tests ARGS");
    return (options_.campsim.parent_path().parent_path() / "tests" / m[1].str()).string();
  }
  static std::string arguments_of(const std::string& arguments) {
    if (!is_test(arguments)) return arguments;
    const auto space = arguments.find(' ', 5);
    return space == std::string::npos ? "" : arguments.substr(space + 1);
  }
  const Options& options_;
  fs::path dir_;
  std::map<std::string, std::string> done_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string filtered(const std::string& output, const Command& c) {
  std::string kept;
  for (const std::string& line : lines_of(output)) {
    bool keep = true;
    for (const auto& [match, re] : c.filters) keep = keep && (std::regex_search(line, re) == match);
    if (keep) kept += line + "\n";
  }
  return kept;
}

// What may differ from one machine or build to the next.
std::string masked(std::string text) {
  static const std::regex seconds("[0-9]+(\\.[0-9]+)? (s|runs/s)\\b"), revision("git [0-9a-f]{7,40}"),
      left("[0-9]+:[0-9]{2} left");
  text = std::regex_replace(text, seconds, "# $2");
  text = std::regex_replace(text, revision, "git #");
  return std::regex_replace(text, left, "#:## left");
}

// A file generated whole (first line `<!-- generated: ARGS -->`): 1 if it differs from what the
// command prints now (check) or was rewritten (write), else 0.
int process_generated(const fs::path& file, const std::string& text, const std::string& first_line,
                      const std::string& arguments, const Options& o) {
  Runner runner(o);
  const std::string now = runner.output_of(arguments);
  if (masked(now) == masked(text.substr(first_line.size() + 1))) return 0;
  if (o.write) {
    std::ofstream(file) << first_line << "\n" << now;
    std::cerr << "docs: rewrote " << file.string() << " (generated by campsim " << arguments << ")\n";
  } else {
    std::cerr << file.string() << ": differs from what campsim " << arguments << " prints now\n";
  }
  return 1;
}

// One Markdown file: returns the number of blocks that differ (check) or were rewritten (write).
int process(const fs::path& file, const Options& o) {
  std::ifstream in(file);
  std::stringstream whole;
  whole << in.rdbuf();
  const std::vector<std::string> lines = lines_of(whole.str());
  static const std::regex generated_marker("^<!-- generated: (.*) -->$");
  if (std::smatch g; !lines.empty() && std::regex_match(lines[0], g, generated_marker))
    return process_generated(file, whole.str(), lines[0], g[1].str(), o);
  static const std::regex table_marker("^<!-- table: (.*) -->$");
  static const std::regex output_marker("^<!-- output( \\(slow\\))?: (.*) -->$"),
      value_marker("<!-- value( \\(slow\\))?: (.*?) -->(.*?)<!-- /value -->");
  std::unique_ptr<Runner> runner;
  const auto run = [&](const std::string& arguments) -> const std::string& {
    if (!runner) runner = std::make_unique<Runner>(o);
    return runner->output_of(arguments);
  };
  int differences = 0;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    std::string line = lines[i];
    // Values in a sentence: each replaced by the group its pattern captures.
    std::string rebuilt;
    auto from = line.cbegin();
    for (std::sregex_iterator it(line.begin(), line.end(), value_marker), end; it != end; ++it) {
      const std::smatch& v = *it;
      const Command c = parse_command(v[2].str(), true, v[1].matched);
      std::string shown = v[3].str();
      if (!c.slow || o.slow) {
        std::smatch got;
        const std::string& output = run(c.arguments);
        if (!std::regex_search(output, got, std::regex(c.capture)) || got.size() < 2)
          throw std::runtime_error(file.string() + ":" + std::to_string(i + 1) + ": '" + c.capture +
                                   "' finds nothing in the output of campsim " + c.arguments + ":\n" + output);
        if (got[1].str() != shown) {
          ++differences;
          std::cerr << file.string() << ":" << i + 1 << ": the docs say " << shown << ", campsim " << c.arguments
                    << " gives " << got[1].str() << "\n";
          shown = got[1].str();
        }
      }
      rebuilt += std::string(from, v[0].first) + "<!-- value" + (c.slow ? " (slow)" : "") + ": " + v[2].str() + " -->" +
                 shown + "<!-- /value -->";
      from = v[0].second;
    }
    line = rebuilt + std::string(from, line.cend());
    out.push_back(line);
    if (std::regex_match(lines[i], m, table_marker)) {
      std::string committed;
      std::size_t close = i + 1;
      while (close < lines.size() && lines[close] != "<!-- /table -->") committed += lines[close++] + "\n";
      if (close == lines.size()) throw std::runtime_error(file.string() + ": no <!-- /table --> after line " + std::to_string(i + 1));
      const std::string now = run(m[1].str());
      if (masked(now) != masked(committed)) {
        ++differences;
        std::cerr << file.string() << ":" << i + 1 << ": the table differs from what campsim " << m[1].str() << " prints now\n";
      }
      for (const std::string& l : lines_of(o.write ? now : committed)) out.push_back(l);
      out.push_back(lines[close]);
      i = close;
      continue;
    }
    if (!std::regex_match(lines[i], m, output_marker)) continue;
    const Command c = parse_command(m[2].str(), false, m[1].matched);
    if (i + 1 >= lines.size() || lines[i + 1].rfind("```", 0) != 0)
      throw std::runtime_error(file.string() + ":" + std::to_string(i + 1) + ": an output marker must be followed by a ``` block");
    out.push_back(lines[++i]);
    std::string committed;
    std::size_t close = i + 1;
    while (close < lines.size() && lines[close] != "```") committed += lines[close++] + "\n";
    if (close == lines.size()) throw std::runtime_error(file.string() + ": unclosed block after line " + std::to_string(i + 1));
    std::string now = committed;
    if (!c.slow || o.slow) {
      now = filtered(run(c.arguments), c);
      if (masked(now) != masked(committed)) {
        ++differences;
        std::cerr << file.string() << ":" << i << ": the output shown differs from what campsim " << c.arguments
                  << " prints now:\n--- docs\n" << committed << "--- campsim\n" << now;
      }
    }
    for (const std::string& l : lines_of(o.write ? now : committed)) out.push_back(l);
    out.push_back("```");
    i = close;
  }
  if (o.write && differences > 0) {
    std::string text;
    for (const std::string& l : out) text += l + "\n";
    std::ofstream(file) << text;
    std::cerr << "docs: rewrote " << file.string() << " (" << differences << " block(s))\n";
  }
  return differences;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  bool check = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--campsim" && i + 1 < argc) o.campsim = fs::absolute(argv[++i]);
    else if (a == "--source" && i + 1 < argc) o.source = fs::absolute(argv[++i]);
    else if (a == "--write") o.write = true;
    else if (a == "--check") check = true;
    else if (a == "--slow") o.slow = true;
    else if (const auto part = a == "--part" && i + 1 < argc ? parse_part(argv[++i]) : std::nullopt)
      std::tie(o.part, o.parts) = *part;
    else {
      std::cerr << "usage: campsim_docs_outputs --campsim BIN --source DIR (--check|--write) [--slow] [--part K/N]\n";
      return 2;
    }
  }
  if (o.campsim.empty() || o.source.empty() || check == o.write) {
    std::cerr << "usage: campsim_docs_outputs --campsim BIN --source DIR (--check|--write) [--slow] [--part K/N]\n";
    return 2;
  }
  std::vector<fs::path> files{o.source / "README.md"};
  for (const auto& e : fs::recursive_directory_iterator(o.source / "docs"))
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  int differences = 0;
  try {
    SharedRuns shared;
    o.shared = &shared;
    for (std::size_t i = o.part; i < files.size(); i += o.parts) differences += process(files[i], o);
  } catch (const std::exception& e) {
    std::cerr << "docs: " << e.what() << "\n";
    return 2;
  }
  if (check && differences > 0) {
    std::cerr << differences << " documented output(s) differ from the program; regenerate with scripts/docs.sh"
              << (o.slow ? " --slow" : "") << "\n";
    return 1;
  }
  return 0;
}
