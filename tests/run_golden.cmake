# Golden-output CLI test: runs borderline with ARGS in SOURCE_DIR and compares
# its standard output byte for byte with the reference file GOLDEN (the path
# of the binary is written as "borderline", so the reference holds wherever
# the build is). Exit code must be 0 and stderr empty.
#
# To regenerate every reference after a deliberate change of output, run
#   BORDERLINE_UPDATE_GOLDEN=1 ctest --test-dir build -R golden
# and review the diff in tests/golden/ before committing it.
set(args ${ARGS})  # a CMake list
execute_process(COMMAND ${BORDERLINE} ${args}
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE "${BORDERLINE}" "borderline" out "${out}")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "exit ${code}: ${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "unexpected stderr: ${err}")
endif()
if(DEFINED ENV{BORDERLINE_UPDATE_GOLDEN} AND NOT "$ENV{BORDERLINE_UPDATE_GOLDEN}" STREQUAL "0")
  file(WRITE ${GOLDEN} "${out}")
  message(STATUS "wrote ${GOLDEN}")
  return()
endif()
if(NOT EXISTS ${GOLDEN})
  message(FATAL_ERROR "${GOLDEN} is missing; make it with BORDERLINE_UPDATE_GOLDEN=1")
endif()
file(READ ${GOLDEN} want)
if(NOT out STREQUAL want)
  file(WRITE ${GOLDEN}.actual "${out}")
  message(FATAL_ERROR "output differs from ${GOLDEN}; see ${GOLDEN}.actual (diff -u them), "
                      "or regenerate with BORDERLINE_UPDATE_GOLDEN=1 if the change is deliberate")
endif()
