// The sibling module a.cc includes.
