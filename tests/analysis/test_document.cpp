// The HTML rendering of report tables: long names may wrap at their joints, numbers never.
#include <catch2/catch.hpp>

#include "analysis/document.hpp"

using namespace campsim::analysis;

namespace {

std::string html_of(const Table& table) {
  const Document document{"t", {table}};
  return render_html(document, [](const std::string&) { return std::string(); });
}

}  // namespace

TEST_CASE("a long metric or policy name in a table may wrap after its dots and underscores", "[analysis][document]") {
  const Table table{{"metric", "mean"}, {{"medical.dispatch.on_scene", "0.875"}}, {false, true}};
  const std::string html = html_of(table);
  CHECK(html.find("<td>medical.<wbr>dispatch.<wbr>on_<wbr>scene</td>") != std::string::npos);
  // A number keeps its decimal point whole, in a number cell or a text cell.
  CHECK(html.find("<td class=\"num\">0.875</td>") != std::string::npos);
  const Table text_number{{"note"}, {{"p = 0.41, shift_2"}}, {false}};
  CHECK(html_of(text_number).find("<td>p = 0.41, shift_<wbr>2</td>") == std::string::npos);
  CHECK(html_of(text_number).find("<td>p = 0.41, shift_2</td>") != std::string::npos);
}

TEST_CASE("a break opportunity is never put inside a tag or an escaped character", "[analysis][document]") {
  // `code` becomes <code>...</code>; a name inside it still gets its joints, the tag does not.
  const Table table{{"a_b"}, {{"`x.y` & <i>.z"}}, {false}};
  const std::string html = html_of(table);
  CHECK(html.find("<th>a_<wbr>b</th>") != std::string::npos);
  CHECK(html.find("<td><code>x.<wbr>y</code> &amp; &lt;i&gt;.<wbr>z</td>") != std::string::npos);
}

TEST_CASE("a folded paragraph is a details element with its summary escaped, in HTML and Markdown", "[analysis][document]") {
  const Document document{"t", {Folded{"Left out: 2 <metrics> & more", "`a.b`, `c_d`."}}};
  const std::string html = render_html(document, [](const std::string&) { return std::string(); });
  CHECK(html.find("<details><summary>Left out: 2 &lt;metrics&gt; &amp; more</summary>\n<p><code>a.b</code>, <code>c_d</code>.</p>\n</details>") !=
        std::string::npos);
  // Markdown: a blank line after the summary, so viewers render the text inside as Markdown.
  const std::string md = render_markdown(document);
  CHECK(md.find("<details><summary>Left out: 2 &lt;metrics&gt; &amp; more</summary>\n\n`a.b`, `c_d`.\n\n</details>\n") !=
        std::string::npos);
}
