# The same sources, lib_a linking lib_b through a library it links: the check must pass.
set(CAMPSIM_TARGETS lib_core lib_a lib_b lib_both)
set(CAMPSIM_FILES_lib_core "sim/camp/core/c.hpp")
set(CAMPSIM_FILES_lib_a "sim/camp/a/a.cc")
set(CAMPSIM_FILES_lib_b "sim/camp/b/b.hpp")
set(CAMPSIM_FILES_lib_both "sim/camp/both/both.hpp")
set(CAMPSIM_LINKS_lib_a "lib_core;lib_both")
set(CAMPSIM_LINKS_lib_both "lib_b")
