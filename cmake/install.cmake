# Installing and packaging tally: the build stamp `tally --version` prints, the man page, shell
# completions, install() rules and a CPack Debian package (`cpack -G DEB` in the build folder →
# tally_<version>_amd64.deb). Included at the end of CMakeLists.txt, after every target exists.
include(GNUInstallDirs)

# --- the build stamp: git commit and date, regenerated at every build, rewritten only on change ---
set(TALLY_GIT_COMMIT "" CACHE STRING "Commit `tally --version` names when the source has no .git")
set(TALLY_BUILD_INFO_CPP ${CMAKE_BINARY_DIR}/build_info.cpp)
add_custom_target(tally_build_info
  COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR} -DOUT=${TALLY_BUILD_INFO_CPP} -DCOMMIT=${TALLY_GIT_COMMIT}
          -P ${CMAKE_SOURCE_DIR}/cmake/build_info.cmake
  BYPRODUCTS ${TALLY_BUILD_INFO_CPP}
  COMMENT "Stamping the build with its commit and date")
target_sources(tally PRIVATE ${TALLY_BUILD_INFO_CPP})
add_dependencies(tally tally_build_info)

# --- the man page, from the help text (help2man), so it says what `tally help` says ---
# help2man runs PROGRAM --help / --version; a small wrapper named tally prints the help of every
# command for --help, so the page documents them all. LC_ALL=C: the page is English whatever the
# builder's locale (the help follows the locale).
find_program(HELP2MAN help2man)
set(TALLY_MAN ${CMAKE_BINARY_DIR}/man/tally.1)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${TALLY_MAN}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -E env TALLY=$<TARGET_FILE:tally> SOURCE_DATE_EPOCH=0 LC_ALL=C
            ${HELP2MAN} --no-info --no-discard-stderr --section=1
            "--name=a consistency linter for statistical reports"
            --include=${CMAKE_SOURCE_DIR}/docs/man/tally.h2m
            --output=${TALLY_MAN} ${CMAKE_SOURCE_DIR}/docs/man/tally
    DEPENDS tally ${CMAKE_SOURCE_DIR}/docs/man/tally.h2m ${CMAKE_SOURCE_DIR}/docs/man/tally
    COMMENT "Writing the man page with help2man")
  add_custom_target(tally_man ALL DEPENDS ${TALLY_MAN})
  install(FILES ${TALLY_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man page (.ci/deps.sh build installs it)")
endif()

# --- shell completions, printed by the binary itself ---
set(TALLY_COMPLETIONS ${CMAKE_BINARY_DIR}/completions)
add_custom_command(
  OUTPUT ${TALLY_COMPLETIONS}/tally ${TALLY_COMPLETIONS}/_tally ${TALLY_COMPLETIONS}/tally.fish
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TALLY_COMPLETIONS}
  COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C $<TARGET_FILE:tally> completion bash > ${TALLY_COMPLETIONS}/tally
  COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C $<TARGET_FILE:tally> completion zsh > ${TALLY_COMPLETIONS}/_tally
  COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C $<TARGET_FILE:tally> completion fish > ${TALLY_COMPLETIONS}/tally.fish
  DEPENDS tally
  COMMENT "Writing shell completions")
add_custom_target(tally_completions ALL DEPENDS ${TALLY_COMPLETIONS}/tally)
# Where each shell looks on Debian (zsh's vendor folder is Debian's; other systems may use site-functions).
set(TALLY_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions CACHE STRING "Where _tally goes")
install(FILES ${TALLY_COMPLETIONS}/tally DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${TALLY_COMPLETIONS}/_tally DESTINATION ${TALLY_ZSH_COMPLETION_DIR})
install(FILES ${TALLY_COMPLETIONS}/tally.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# --- the program, any plugin modules, and the documentation ---
install(TARGETS tally RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Modules the program dlopen()s (e.g. document readers split out of the binary) go beside it in lib/tally.
get_property(tally_targets DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTY BUILDSYSTEM_TARGETS)
foreach(t ${tally_targets})
  get_target_property(type ${t} TYPE)
  if(type STREQUAL "MODULE_LIBRARY" OR type STREQUAL "SHARED_LIBRARY")
    install(TARGETS ${t} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/tally)
  endif()
endforeach()
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/packs FILES_MATCHING PATTERN "*.yaml")
foreach(f LICENSE COPYING)
  if(EXISTS ${CMAKE_SOURCE_DIR}/${f})
    install(FILES ${f} DESTINATION ${CMAKE_INSTALL_DOCDIR})
  endif()
endforeach()

# --- CPack: a Debian package whose Depends come from the libraries the binary links (dpkg-shlibdeps) ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tally)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "tally maintainers <tally@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "consistency linter for statistical reports")
set(CPACK_PACKAGE_DESCRIPTION
    "tally reads a report (text, Markdown, Word or PDF), understands its figures and reports the ones that contradict each other, with the arithmetic and line:column.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # tally_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)

# --- where findings link to their rule's page (rules/rule_docs.h) ---
# Empty: the pages installed beside the binary (share/doc/tally/rules), found at run time.
set(TALLY_REPOSITORY_URL "" CACHE STRING "Web address of tally's repository (e.g. https://host/owner/tally)")
set(tally_docs_default "")
if(TALLY_REPOSITORY_URL)
  set(tally_docs_default "${TALLY_REPOSITORY_URL}/blob/main/docs/rules/")
endif()
set(TALLY_DOCS_URL "${tally_docs_default}" CACHE STRING "Base URL of the rule pages findings link to")
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/rules/rule_docs.cpp PROPERTIES
  COMPILE_DEFINITIONS "TALLY_DEFAULT_DOCS_URL=\"${TALLY_DOCS_URL}\";TALLY_DOCDIR=\"${CMAKE_INSTALL_DOCDIR}\"")
