// A module's source that includes the core and a sibling module (see ../../../README.md).
#include "sim/camp/core/c.hpp"
#include "sim/camp/b/b.hpp"
