#include "sim/batch/mpi_launch.hpp"

#include <cstdlib>
#include <string>

namespace campsim::batch {

int launcher_world_size() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "MV2_COMM_WORLD_SIZE"}) {
    if (const char* value = std::getenv(name)) {
      try {
        const int size = std::stoi(value);
        if (size >= 1) return size;
      } catch (const std::exception&) {
        // not a number: look at the next launcher's variable
      }
    }
  }
  return 1;
}

bool built_with_mpi() {
#ifdef CAMPSIM_HAVE_MPI
  return true;
#else
  return false;
#endif
}

}  // namespace campsim::batch
