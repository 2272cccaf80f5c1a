#pragma once
// The campsim subcommands. Each takes the arguments after its name and returns an exit code.
#include <string>
#include <vector>

namespace campsim::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int {
  kOk = 0,
  kFailure = 1,   // the run itself failed (I/O error, internal error)
  kBadInput = 2,  // bad command line, scenario errors, output directory already there
};

// The program as the user invoked it (argv[0]), for commands we print for them to run again
// (the resume hint): "build/release/apps/campsim" works where "campsim" may not be on the PATH.
const std::string& program_path();
void set_program_path(std::string path);

int run_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int replay_command(const std::vector<std::string>& args);
int batch_command(const std::vector<std::string>& args);
int merge_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int dictionary_command(const std::vector<std::string>& args);
int sensitivity_command(const std::vector<std::string>& args);
int calibrate_command(const std::vector<std::string>& args);
int params_command(const std::vector<std::string>& args);
// Only in builds with the viewer (SFML found): CAMPSIM_WITH_VIEWER.
int view_command(const std::vector<std::string>& args);

}  // namespace campsim::cli
