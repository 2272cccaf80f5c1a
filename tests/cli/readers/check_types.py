"""Reads campsim's CSV files with pandas as they are and checks every column's type against the
data dictionary. Usage: check_types.py DICTIONARY.md SECTION=FILE.csv ...
SECTION is the file's heading in the dictionary, e.g. "Run: `care.csv`". Prints one line per
problem and exits 1 if there is any."""
import re
import sys

import pandas as pd


def dictionary_types(path):
    types, section = {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("## "):
            section = line[3:].split(" (")[0].strip()
            types[section] = {}
        m = re.match(r"\| `([^`]+)` \| ([^|]+) \|", line)
        if m and section:
            types[section][m.group(1)] = m.group(2).strip()
    return types


def main():
    types = dictionary_types(sys.argv[1])
    problems = 0
    for pair in sys.argv[2:]:
        section, path = pair.split("=", 1)
        frame = pd.read_csv(path)
        expected = types[section]
        if list(frame.columns) != list(expected):
            print(f"{path}: columns differ from the dictionary's {section}")
            problems += 1
        for column in frame.columns:
            kind = frame[column].dtype.kind
            want = expected.get(column, "?")
            all_na = frame[column].isna().all()
            if all_na:
                continue  # no value to type: NaN in every row is what NA means
            ok = kind in "O" if want == "text" else kind in "iuf"
            if want in ("integer", "0/1") and kind == "f":
                ok = frame[column].isna().any()  # integers with NA are float64 in pandas: fine
            if want == "0/1":
                ok = ok and set(frame[column].dropna().unique()) <= {0, 1}
            if not ok:
                print(f"{path}: column {column}: dictionary says {want}, pandas read {frame[column].dtype}")
                problems += 1
    print(f"pandas {pd.__version__}: {len(sys.argv) - 2} files checked, {problems} problem(s)")
    sys.exit(1 if problems else 0)


main()
