# Every third-party dependency is found here, and only here (STYLE.md rule 11).
# All come from Debian packages installed by scripts/install-deps.sh.
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
# libzip's CMake package names tools Debian ships in other packages; pkg-config is reliable.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# assimp measures the bounds of user models (glTF, OBJ, FBX); its CMake package is also fine, but
# pkg-config keeps all of these alike.
pkg_check_modules(ASSIMP REQUIRED IMPORTED_TARGET assimp)

# WordNet ships a static library and a header, without CMake or pkg-config files.
find_path(WORDNET_INCLUDE_DIR wn.h REQUIRED)
find_library(WORDNET_LIBRARY NAMES wordnet REQUIRED)
add_library(scenecraft_wordnet INTERFACE)
target_include_directories(scenecraft_wordnet SYSTEM INTERFACE ${WORDNET_INCLUDE_DIR})
target_link_libraries(scenecraft_wordnet INTERFACE ${WORDNET_LIBRARY})
find_path(WORDNET_DICT_DIR index.noun PATHS /usr/share/wordnet REQUIRED NO_DEFAULT_PATH)

# OpenSSL's libcrypto: SHA-256 keys of the LLM response cache and base64 of images.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)

# cpp-httplib: Debian ships it compiled (libcpp-httplib.so) with OpenSSL, zlib and brotli support,
# and its header must see the same macros, which its pkg-config file carries. Used by the
# OpenAI-compatible test server of the LLM tests only, never by the product.
find_path(HTTPLIB_INCLUDE_DIR httplib.h)
if(SCENECRAFT_BUILD_TESTS)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
endif()

if(SCENECRAFT_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(SCENECRAFT_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
