// ThreadSanitizer suppressions for every campsim program (linked into each one through
// campsim_engine), for builds with -fsanitize=thread.
//
// The system libtbb is not built with TSan, so the release/acquire hand-offs of TBB tasks
// between threads are invisible and TSan reports races on TBB's own task objects (split
// ranges, partitioner state, tree nodes), which live in TBB header code compiled into this
// program. Each pattern names TBB bookkeeping that is never on the call path of a loop body
// (that path is start_for::execute -> partition_type_base::execute -> work_balance ->
// run_body -> body), so a race between bodies is still reported; the [parallel] tests were
// checked against a deliberately racy body. Races on the bodies' own data are made visible
// by the annotations in sim/engine/parallel.hpp, not suppressed.
#include "sim/engine/tsan_annotations.hpp"

#if defined(CAMPSIM_TSAN)
// libtbb.so frees its own internal arrays from worker threads after synchronising in code TSan
// cannot see; `delete[]` is intercepted and would be reported. ignore_noninstrumented_modules
// skips intercepted calls made from uninstrumented libraries only: our code stays checked.
// history_size=7 keeps enough history to restore the earlier stack of a report: without it a
// write by TBB's own start_for (copying a loop body's closure) shows as "failed to restore the
// stack", so the start_for suppression below cannot match it and a TBB hand-off is reported.
extern "C" const char* __tsan_default_options() { return "ignore_noninstrumented_modules=1 history_size=7"; }

extern "C" const char* __tsan_default_suppressions() {
  return "race:^tbb::detail::d1::fold_tree\n"
         "race:offer_work\n"
         "race:check_being_stolen\n"
         "race:is_divisible\n"
         "race:^tbb::detail::d1::blocked_range<unsigned long>::size\n"
         "race:^tbb::detail::d1::blocked_range<unsigned long>::blocked_range(tbb::detail::d1::blocked_range<unsigned long>&, tbb::detail::d0::split)\n"
         "race:affinity_slot\n"
         "race:^tbb::detail::d1::task::task\n"
         "race:^tbb::detail::d1::task_traits::task_traits\n"
         "race:^tbb::detail::d1::node::node\n"
         "race:^tbb::detail::d1::tree_node::tree_node\n"
         "race:^tbb::detail::d1::adaptive_mode<\n"
         "race:^tbb::detail::d1::dynamic_grainsize_mode<*>::dynamic_grainsize_mode(\n"
         "race:^tbb::detail::d1::small_object_allocator::new_object<\n"
         "race:^finalize$\n"
         "race:^start_for$\n"
         "race:^tbb::detail::d1::task_group_context::is_proxy\n";
}
#endif
