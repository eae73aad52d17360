# Fails unless README.md contains the code of examples/readme_example.cpp between
# its README-BEGIN and README-END markers.
file(READ "${EXAMPLE}" example)
string(REGEX MATCH "// README-BEGIN\n(.*)// README-END" _ "${example}")
set(code "${CMAKE_MATCH_1}")
if(code STREQUAL "")
  message(FATAL_ERROR "no README-BEGIN/README-END block in ${EXAMPLE}")
endif()
file(READ "${README}" readme)
string(FIND "${readme}" "${code}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md does not contain the code of ${EXAMPLE} verbatim; update one of them")
endif()
