#pragma once
// Text from data (policy, scenario and parameter names, design settings) in gnuplot scripts and
// data files. gnuplot is a language: in a double-quoted string it runs `backquotes` as shell
// commands, and a newline ends a command, so the rest of a name would run as the next one
// (`system("...")`, `!cmd`). Every string that reaches a script goes through gnuplot_string,
// the one function that quotes for gnuplot; nothing else builds a gnuplot string from data.
#include <string>
#include <string_view>
#include <vector>

namespace campsim::analysis {

// `text` as a gnuplot single-quoted string literal, which gnuplot reads as plain characters: it
// substitutes no backquotes, expands no @macros and knows one escape only, '' for a quote. Control
// characters are written out by io::visible first (a newline as the two characters \n), so the
// literal stays on one line and shows the name as it is.
std::string gnuplot_string(std::string_view text);

// Lines of a multi-line label: each quoted by gnuplot_string, joined with gnuplot's newline
// ("\n" is campsim's constant, never data): 'line 1'."\n".'line 2'.
std::string gnuplot_lines(const std::vector<std::string>& lines);

// `text` as a double-quoted field of a gnuplot data file (read as data, never run): control
// characters written out by io::visible, and '"' (which would end the field) becomes '\''.
std::string gnuplot_data_string(std::string_view text);

}  // namespace campsim::analysis
