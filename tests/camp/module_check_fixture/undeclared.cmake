# lib_a includes lib_b's header but links only the core: the check must fail and name it.
set(CAMPSIM_TARGETS lib_core lib_a lib_b)
set(CAMPSIM_FILES_lib_core "sim/camp/core/c.hpp")
set(CAMPSIM_FILES_lib_a "sim/camp/a/a.cc")
set(CAMPSIM_FILES_lib_b "sim/camp/b/b.hpp")
set(CAMPSIM_LINKS_lib_a "lib_core;campsim_warnings")
set(CAMPSIM_LINKS_lib_b "lib_core")
set(CAMPSIM_TARGETS ${CAMPSIM_TARGETS} lib_both)
set(CAMPSIM_FILES_lib_both "sim/camp/both/both.hpp")
