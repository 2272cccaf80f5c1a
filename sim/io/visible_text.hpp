#pragma once
// Text from a file or the command line, made safe to show: a scenario name, a policy name or a
// path may hold bytes a terminal obeys (ESC [2J clears the screen, ESC ]0; sets the window
// title) or that break a line-based format (a newline in a plot label ends the command). Every
// such string is passed through visible() before it reaches a terminal, a gnuplot script or a
// plot's data file, so what it contains is shown, never acted on.
#include <string>
#include <string_view>

namespace campsim::io {

// `text` with every character a terminal or a line-based file could act on written out as an
// escape that shows it: C0 controls and DEL as \n, \r, \t or \xHH (ESC is \x1b); C1 controls
// (U+0080-U+009F, which some terminals obey as ESC sequences) and the Unicode line separators
// and bidirectional overrides (U+2028, U+2029, U+202A-U+202E, U+2066-U+2069: they reorder what
// follows) as \uHHHH; a byte that is not part of valid UTF-8 as \xHH. Everything else (letters
// of any script, quotes, backslashes) is kept as it is. For display only: it is not reversible.
std::string visible(std::string_view text);

// visible(), but line feeds are kept: for a whole message of several lines (an error that quotes
// a value from a file), where each line is shown and nothing else acts on the terminal.
std::string visible_lines(std::string_view text);

}  // namespace campsim::io
