# Writes generated/sim/version.hpp with the program's version and the source tree's git revision:
# the revision of HEAD (12 hex digits), "-dirty" when a tracked file differs from it, "unknown"
# outside a git checkout. manifest.json and batch.json record it, so it must be the revision the
# program was built from: CMake runs this script at every build (the `campsim_version` target),
# not once at configure time, and the header is rewritten only when its text changes (so only a
# new revision recompiles the few files that include it).
# Inputs: CAMPSIM_SOURCE_DIR, CAMPSIM_BINARY_DIR, PROJECT_VERSION (script mode: -D...; or set by
# the caller before include()).
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${CAMPSIM_SOURCE_DIR}
  OUTPUT_VARIABLE CAMPSIM_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET RESULT_VARIABLE _git_rc)
if(NOT _git_rc EQUAL 0 OR CAMPSIM_GIT_REVISION STREQUAL "")
  set(CAMPSIM_GIT_REVISION "unknown")
else()
  # Tracked files only: build folders and outputs in the tree do not make it dirty.
  execute_process(COMMAND git status --porcelain --untracked-files=no
    WORKING_DIRECTORY ${CAMPSIM_SOURCE_DIR}
    OUTPUT_VARIABLE _git_changes OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET RESULT_VARIABLE _git_status_rc)
  if(NOT _git_status_rc EQUAL 0 OR NOT _git_changes STREQUAL "")
    string(APPEND CAMPSIM_GIT_REVISION "-dirty")
  endif()
endif()
configure_file(${CAMPSIM_SOURCE_DIR}/sim/version.hpp.in ${CAMPSIM_BINARY_DIR}/generated/sim/version.hpp @ONLY)
