# The camp's modules depend on the camp core, never on each other unless their CMake target says
# so (issue 20). Every `#include "sim/..."` in a recorded library's files must name a header
# owned by that library or by one it links, directly or through others: the rules are the
# target_link_libraries of sim/CMakeLists.txt, read from the table it writes
# (camp_module_table.cmake). A header no recorded library owns (a new file outside every glob,
# or a layer above) fails too, as does a file owned twice. Run by ctest (tests/CMakeLists.txt);
# a failure names the file, the line and the library the header belongs to.
#   cmake -DSOURCE_DIR=<checkout> -DTABLE=<build>/camp_module_table.cmake -P check_module_includes.cmake
cmake_minimum_required(VERSION 3.25)  # script mode: IN_LIST and POP_FRONT need the policies
include(${TABLE})

# Who owns each file.
foreach(_target ${CAMPSIM_TARGETS})
  foreach(_file ${CAMPSIM_FILES_${_target}})
    string(MAKE_C_IDENTIFIER "${_file}" _key)
    if(DEFINED _owner_${_key})
      message(FATAL_ERROR "${_file} is owned by both ${_owner_${_key}} and ${_target}")
    endif()
    set(_owner_${_key} ${_target})
  endforeach()
endforeach()

# Every camp source belongs to a module: a file outside every glob would go unchecked.
file(GLOB_RECURSE _camp_files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/sim/camp/*.hpp ${SOURCE_DIR}/sim/camp/*.cpp)
foreach(_file ${_camp_files})
  string(MAKE_C_IDENTIFIER "${_file}" _key)
  if(NOT DEFINED _owner_${_key})
    message(FATAL_ERROR "${_file} belongs to no camp module: add it to one in sim/CMakeLists.txt")
  endif()
endforeach()

# What each library may include: itself and everything it links, directly or through others.
function(reachable target out)
  set(_seen ${target})
  set(_todo ${target})
  while(_todo)
    list(POP_FRONT _todo _next)
    foreach(_link ${CAMPSIM_LINKS_${_next}})
      if(_link IN_LIST CAMPSIM_TARGETS AND NOT _link IN_LIST _seen)
        list(APPEND _seen ${_link})
        list(APPEND _todo ${_link})
      endif()
    endforeach()
  endwhile()
  set(${out} ${_seen} PARENT_SCOPE)
endfunction()

set(_bad "")
set(_count 0)
foreach(_target ${CAMPSIM_TARGETS})
  if(NOT CAMPSIM_FILES_${_target})
    message(FATAL_ERROR "${_target} owns no files: its globs in sim/CMakeLists.txt match nothing")
  endif()
  reachable(${_target} _allowed)
  foreach(_file ${CAMPSIM_FILES_${_target}})
    math(EXPR _count "${_count} + 1")
    file(STRINGS ${SOURCE_DIR}/${_file} _includes REGEX "^#include \"sim/")
    foreach(_line ${_includes})
      string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" _header "${_line}")
      if(_header STREQUAL "sim/version.hpp")  # generated at configure time; the engine's include path
        continue()
      endif()
      string(MAKE_C_IDENTIFIER "${_header}" _key)
      if(NOT DEFINED _owner_${_key})
        list(APPEND _bad "${_file}: ${_line} (no checked library owns it)")
      elseif(NOT _owner_${_key} IN_LIST _allowed)
        list(APPEND _bad "${_file}: ${_line} (${_owner_${_key}}, not linked by ${_target})")
      endif()
    endforeach()
  endforeach()
endforeach()
if(_bad)
  string(REPLACE ";" "\n" _bad "${_bad}")
  message(FATAL_ERROR "a library includes a header of a library it does not link:\n${_bad}")
endif()
list(LENGTH CAMPSIM_TARGETS _libraries)
message(STATUS "${_count} files in ${_libraries} libraries include only headers of libraries they link")
