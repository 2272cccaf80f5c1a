#pragma once
// A report as a list of blocks (headings, paragraphs, tables, images, preformatted text) with
// three renderings: Markdown, self-contained HTML, and aligned plain text for the terminal.
// Writing the report once as blocks keeps report.md and report.html saying the same thing.
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace campsim::analysis {

struct Heading {
  int level = 1;
  std::string text;
  std::string anchor;  // an id to link to (table of contents); empty: none
};
// A table of contents: every heading with an anchor, indented by level, as links.
struct Contents {};
struct Paragraph {
  std::string text;  // may contain `code` and **bold** (rendered in HTML too)
};
struct BulletList {
  std::vector<std::string> items;
};
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_aligned;  // per column; numbers read best right-aligned
};
struct Image {
  std::string file;     // relative to the report directory, e.g. plots/deaths.png
  std::string caption;
  std::string vector_file;  // the same figure as SVG (linked beside the PNG); empty: none
  int design_point = 0;     // which design point the figure shows (the report groups by it)
};
struct Preformatted {
  std::string text;
};
// A paragraph shown folded under a one-line summary (HTML <details>, which Markdown viewers such
// as GitHub's render too): for long lists a reader rarely needs, like the metrics that never varied.
struct Folded {
  std::string summary;  // plain text
  std::string text;     // as a Paragraph's
};

using Block = std::variant<Heading, Contents, Paragraph, BulletList, Table, Image, Preformatted, Folded>;

struct Document {
  std::string title;
  std::vector<Block> blocks;
};

std::string render_markdown(const Document& document);

// Images are embedded as base64 data (read through `read_image`), so report.html is one file
// that can be mailed or archived on its own.
std::string render_html(const Document& document, const std::function<std::string(const std::string& file)>& read_image);

// Columns padded to their widest cell, two spaces apart; for stdout.
std::string render_text_table(const Table& table);

std::string base64(const std::string& bytes);

// "Died of wounds (per run)" -> "died-of-wounds-per-run": lower case letters, digits and dashes.
std::string anchor_of(const std::string& text);

}  // namespace campsim::analysis
