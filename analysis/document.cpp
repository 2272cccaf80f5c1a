#include "analysis/document.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "sim/io/visible_text.hpp"

namespace campsim::analysis {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// C++20 deduces this for an aggregate; clang 14 (the fuzz preset's compiler) does not yet.
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// A cell is one line: a newline from a name would end the table row (io::visible writes it out).
std::string escape_markdown_cell(const std::string& text) {
  std::string out;
  for (char c : io::visible(text)) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string escape_html(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// `code` and **bold**, the only inline Markdown the report writes.
std::string inline_html(const std::string& text) {
  const std::string escaped = escape_html(text);
  std::string out;
  bool code = false, bold = false;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] == '`') {
      out += code ? "</code>" : "<code>";
      code = !code;
    } else if (!code && escaped.compare(i, 2, "**") == 0) {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      ++i;
    } else {
      out += escaped[i];
    }
  }
  if (code) out += "</code>";
  if (bold) out += "</strong>";
  return out;
}

// inline_html, with a line-break opportunity (<wbr>) after every '.' or '_' that joins two parts
// of a name ("medical.dispatch.request_to_on_scene_mean_min"): a browser may then wrap a long
// metric or policy name at its joints instead of widening the table past the page. Never inside
// a tag (every '<' here is one of ours: the text's own are escaped) and never in a number ("0.5").
std::string breakable_html(const std::string& text) {
  const std::string html = inline_html(text);
  std::string out;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    out += c;
    if (c == '<') in_tag = true;
    if (c == '>') in_tag = false;
    const bool joint = (c == '.' || c == '_') && i + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[i + 1]));
    if (!in_tag && joint) out += "<wbr>";
  }
  return out;
}

// Display width in code points: the report uses a few non-ASCII symbols (e.g. "–").
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool right(const Table& table, std::size_t column) {
  return column < table.right_aligned.size() && table.right_aligned[column];
}

struct ContentsEntry {
  int level;
  std::string text, anchor;
};

std::vector<ContentsEntry> contents_of(const Document& document) {
  std::vector<ContentsEntry> entries;
  for (const Block& block : document.blocks)
    if (const auto* h = std::get_if<Heading>(&block); h && !h->anchor.empty()) entries.push_back({h->level, h->text, h->anchor});
  return entries;
}

}  // namespace

std::string anchor_of(const std::string& text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

std::string render_markdown(const Document& document) {
  std::string out = "# " + document.title + "\n";
  const std::vector<ContentsEntry> contents = contents_of(document);
  for (const Block& block : document.blocks) {
    out += "\n";
    std::visit(Overloaded{
                   [&](const Heading& h) {
                     // An explicit anchor: renderers derive their own ids differently.
                     if (!h.anchor.empty()) out += "<a id=\"" + h.anchor + "\"></a>\n\n";
                     out += std::string(static_cast<std::size_t>(h.level), '#') + " " + h.text + "\n";
                   },
                   [&](const Contents&) {
                     const int top = contents.empty() ? 0 : std::min_element(contents.begin(), contents.end(), [](const auto& a, const auto& b) {
                                                              return a.level < b.level;
                                                            })->level;
                     for (const ContentsEntry& e : contents)
                       out += std::string(2 * static_cast<std::size_t>(e.level - top), ' ') + "- [" + e.text + "](#" + e.anchor + ")\n";
                   },
                   [&](const Paragraph& p) { out += p.text + "\n"; },
                   [&](const BulletList& l) {
                     for (const std::string& item : l.items) out += "- " + item + "\n";
                   },
                   [&](const Table& t) {
                     out += "|";
                     for (const std::string& h : t.header) out += " " + escape_markdown_cell(h) + " |";
                     out += "\n|";
                     for (std::size_t c = 0; c < t.header.size(); ++c) out += right(t, c) ? "---:|" : "---|";
                     out += "\n";
                     for (const auto& row : t.rows) {
                       out += "|";
                       for (const std::string& cell : row) out += " " + escape_markdown_cell(cell) + " |";
                       out += "\n";
                     }
                   },
                   [&](const Image& i) {
                     out += "![" + i.caption + "](" + i.file + ")\n\n*" + i.caption + "*" +
                            (i.vector_file.empty() ? "" : " ([SVG](" + i.vector_file + "))") + "\n";
                   },
                   [&](const Preformatted& p) { out += "```\n" + p.text + (p.text.ends_with('\n') ? "" : "\n") + "```\n"; },
                   [&](const Folded& f) {
                     out += "<details><summary>" + escape_html(f.summary) + "</summary>\n\n" + f.text + "\n\n</details>\n";
                   },
               },
               block);
  }
  return out;
}

std::string render_html(const Document& document, const std::function<std::string(const std::string&)>& read_image) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(document.title) +
      "</title>\n<style>\n"
      "body { font-family: sans-serif; max-width: 72em; margin: 2em auto; padding: 0 1em; color: #222; }\n"
      "table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }\n"
      "th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }\n"
      "th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
      "figure { margin: 1em 0; } img { max-width: 100%; } code, pre { background: #f4f4f4; }\n"
      "nav ul { list-style: none; padding-left: 1.2em; } nav > ul { padding-left: 0; }\n"
      "</style>\n</head>\n<body>\n<h1>" +
      escape_html(document.title) + "</h1>\n";
  const std::vector<ContentsEntry> contents = contents_of(document);
  for (const Block& block : document.blocks) {
    std::visit(Overloaded{
                   [&](const Heading& h) {
                     const std::string tag = "h" + std::to_string(std::clamp(h.level, 1, 6));
                     out += "<" + tag + (h.anchor.empty() ? "" : " id=\"" + escape_html(h.anchor) + "\"") + ">" +
                            inline_html(h.text) + "</" + tag + ">\n";
                   },
                   [&](const Contents&) {
                     // Nested lists by heading level.
                     out += "<nav>\n";
                     int depth = 0;
                     const int top = contents.empty() ? 0 : std::min_element(contents.begin(), contents.end(), [](const auto& a, const auto& b) {
                                                              return a.level < b.level;
                                                            })->level;
                     for (const ContentsEntry& e : contents) {
                       const int want = e.level - top + 1;
                       while (depth < want) { out += "<ul>"; ++depth; }
                       while (depth > want) { out += "</ul>"; --depth; }
                       out += "<li><a href=\"#" + escape_html(e.anchor) + "\">" + inline_html(e.text) + "</a></li>\n";
                     }
                     while (depth > 0) { out += "</ul>"; --depth; }
                     out += "\n</nav>\n";
                   },
                   [&](const Paragraph& p) { out += "<p>" + inline_html(p.text) + "</p>\n"; },
                   [&](const BulletList& l) {
                     out += "<ul>\n";
                     for (const std::string& item : l.items) out += "<li>" + inline_html(item) + "</li>\n";
                     out += "</ul>\n";
                   },
                   [&](const Table& t) {
                     out += "<table>\n<tr>";
                     for (const std::string& h : t.header) out += "<th>" + breakable_html(h) + "</th>";
                     out += "</tr>\n";
                     for (const auto& row : t.rows) {
                       out += "<tr>";
                       for (std::size_t c = 0; c < row.size(); ++c)
                         out += right(t, c) ? "<td class=\"num\">" + inline_html(row[c]) + "</td>" : "<td>" + breakable_html(row[c]) + "</td>";
                       out += "</tr>\n";
                     }
                     out += "</table>\n";
                   },
                   [&](const Image& i) {
                     out += "<figure><img alt=\"" + escape_html(i.caption) + "\" src=\"data:image/png;base64," +
                            base64(read_image(i.file)) + "\"><figcaption>" + inline_html(i.caption) +
                            (i.vector_file.empty() ? "" : " (<a href=\"" + escape_html(i.vector_file) + "\">SVG</a>)") +
                            "</figcaption></figure>\n";
                   },
                   [&](const Preformatted& p) { out += "<pre>" + escape_html(p.text) + "</pre>\n"; },
                   [&](const Folded& f) {
                     out += "<details><summary>" + escape_html(f.summary) + "</summary>\n<p>" + inline_html(f.text) + "</p>\n</details>\n";
                   },
               },
               block);
  }
  return out + "</body>\n</html>\n";
}

std::string render_text_table(const Table& raw) {
  // For a terminal: every cell shown on its line, with nothing in it that the terminal obeys.
  Table table = raw;
  for (std::string& h : table.header) h = io::visible(h);
  for (auto& row : table.rows)
    for (std::string& cell : row) cell = io::visible(cell);
  std::vector<std::size_t> width(table.header.size(), 0);
  const auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  std::string out;
  const auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      const std::string pad(width[c] - display_width(row[c]), ' ');
      if (c) text += "  ";
      text += right(table, c) ? pad + row[c] : row[c] + pad;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(table.header);
  std::vector<std::string> rule;
  for (std::size_t w : width) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : table.rows) line(row);
  return out;
}

}  // namespace campsim::analysis
