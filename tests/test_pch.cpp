// The target that builds the test programs' shared precompiled header (tests/CMakeLists.txt,
// campsim_test_pch); it has no code of its own.
