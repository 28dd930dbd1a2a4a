# Configures, builds and runs the find_package consumer against the stage folder.
file(REMOVE_RECURSE "${BINARY}")
set(hide)
if(SHARED)
  # A shared libkexie links Boost and OpenSSL itself: its package must not ask a
  # consumer for them (kexieConfig.cmake requires them for a static kexie only).
  set(hide -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON -DCMAKE_DISABLE_FIND_PACKAGE_OpenSSL=ON)
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BINARY}" -G Ninja
          -DCMAKE_PREFIX_PATH=${STAGE} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_C_COMPILER=${C}
          -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_C_FLAGS=${C_FLAGS}"
          "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}" ${hide}
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer configure failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BINARY}" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer build failed: ${rc}")
endif()
file(GLOB consumers "${BINARY}/consumer*")
list(FILTER consumers EXCLUDE REGEX "\\.(cmake|txt)$")
if(NOT consumers)
  message(FATAL_ERROR "no consumer program was built")
endif()
foreach(program IN LISTS consumers)
  if(IS_DIRECTORY "${program}")
    continue()
  endif()
  execute_process(COMMAND "${program}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "${program}: ${out}")
  if(rc)
    message(FATAL_ERROR "${program} failed: ${rc}")
  endif()
endforeach()
