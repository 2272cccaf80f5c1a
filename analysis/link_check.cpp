// The program behind campsim_analysis_link_check (analysis/CMakeLists.txt): it does nothing; its
// link, with the whole analysis library and without the camp model, is the check.
int main() { return 0; }
