#pragma once
// Was this process started by mpirun/mpiexec with more than one rank? Decided from the launcher's
// environment (Open MPI, PMI as MPICH/Hydra and Slurm set it, MVAPICH), so a plain `campsim batch` never
// initialises MPI and needs no MPI runtime at all.
namespace campsim::batch {

// The world size the launcher announced, or 1 when not launched by an MPI launcher.
int launcher_world_size();

// Whether this build has MPI support (CAMPSIM_WITH_MPI and Boost.MPI found).
bool built_with_mpi();

}  // namespace campsim::batch
