# The package's version, from git, as a valid Debian version:
#   on a tag vX.Y.Z            -> X.Y.Z
#   N commits after tag vX.Y.Z  -> X.Y.Z+N.gHASH
#   no tag yet                  -> PROJECT_VERSION~gitN.gHASH   (N: commits so far; "~": before the release X.Y.Z)
#   uncommitted changes         -> the above + ".dirty"
#   no git (a source tarball)   -> PROJECT_VERSION+unknown
# -DHALFOPEN_PACKAGE_VERSION=... overrides it all.
function(halfopen_git_version out)
    if(HALFOPEN_PACKAGE_VERSION)
        set(${out} "${HALFOPEN_PACKAGE_VERSION}" PARENT_SCOPE)
        return()
    endif()
    set(version "${PROJECT_VERSION}+unknown")
    find_package(Git QUIET)
    if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
        macro(git_out var)
            execute_process(COMMAND "${GIT_EXECUTABLE}" ${ARGN} WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                            OUTPUT_VARIABLE ${var} OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE ${var}_status)
        endmacro()
        git_out(described describe --tags --match "v[0-9]*" --long --abbrev=7)
        git_out(hash rev-parse --short=7 HEAD)
        git_out(count rev-list --count HEAD)
        git_out(changes status --porcelain --untracked-files=no)
        if(described_status EQUAL 0 AND described MATCHES "^v([0-9][0-9.]*)-([0-9]+)-g([0-9a-f]+)$")
            if(CMAKE_MATCH_2 EQUAL 0)
                set(version "${CMAKE_MATCH_1}")
            else()
                set(version "${CMAKE_MATCH_1}+${CMAKE_MATCH_2}.g${CMAKE_MATCH_3}")
            endif()
        elseif(hash_status EQUAL 0 AND count_status EQUAL 0)
            set(version "${PROJECT_VERSION}~git${count}.g${hash}")
        endif()
        if(hash_status EQUAL 0 AND NOT changes STREQUAL "")
            string(APPEND version ".dirty")
        endif()
    endif()
    set(${out} "${version}" PARENT_SCOPE)
endfunction()
