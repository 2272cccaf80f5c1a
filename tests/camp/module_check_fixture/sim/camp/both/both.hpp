// A library that links b: a reaches b through it.
