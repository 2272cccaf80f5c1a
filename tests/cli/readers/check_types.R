# Reads campsim's CSV files with base R as they are and checks every column's type against the
# data dictionary. Usage: Rscript check_types.R DICTIONARY.md SECTION=FILE.csv ...
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1], encoding = "UTF-8")
types <- list()
section <- NULL
for (line in lines) {
  if (startsWith(line, "## ")) {
    section <- trimws(sub(" \\(.*$", "", substring(line, 4)))
    types[[section]] <- character(0)
  }
  m <- regmatches(line, regexec("^\\| `([^`]+)` \\| ([^|]+) \\|", line))[[1]]
  if (length(m) == 3 && !is.null(section)) types[[section]][m[2]] <- trimws(m[3])
}
problems <- 0
for (pair in args[-1]) {
  at <- regexpr("=", pair, fixed = TRUE)
  section <- substr(pair, 1, at - 1)
  path <- substring(pair, at + 1)
  frame <- read.csv(path, check.names = FALSE, na.strings = "")
  expected <- types[[section]]
  if (!identical(names(frame), names(expected))) {
    cat(path, ": columns differ from the dictionary's ", section, "\n", sep = "")
    problems <- problems + 1
  }
  for (column in names(frame)) {
    values <- frame[[column]]
    if (all(is.na(values))) next
    want <- expected[[column]]
    ok <- if (want == "text") is.character(values) else is.numeric(values)
    if (ok && want == "0/1") ok <- all(values[!is.na(values)] %in% c(0, 1))
    if (!ok) {
      cat(path, ": column ", column, ": dictionary says ", want, ", R read ", class(values), "\n", sep = "")
      problems <- problems + 1
    }
  }
}
cat("R ", R.version$major, ".", R.version$minor, ": ", length(args) - 1, " files checked, ", problems, " problem(s)\n", sep = "")
quit(status = if (problems > 0) 1 else 0)
