# lantern-server: the accounts, storage and sync services over the HTTP layer, and the
# command line (serve and the administration commands). Links core, never ui.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

add_library(lantern_server STATIC
    ApiError.h
    ServerCommands.h ServerCommands.cpp
    auth/Accounts.h auth/Accounts.cpp
    http/ApiRouter.h http/ApiRouter.cpp
    storage/Audit.h storage/Audit.cpp
    storage/DatabaseUrl.h storage/DatabaseUrl.cpp
    storage/ServerDatabase.h storage/ServerDatabase.cpp
    sync/SyncService.h sync/SyncService.cpp
)
target_include_directories(lantern_server PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(lantern_server
    PUBLIC lantern_core lantern_server_http Qt6::Core Qt6::Sql
    PRIVATE lantern_options PkgConfig::SODIUM)

add_executable(lantern-server main.cpp)
target_link_libraries(lantern-server PRIVATE lantern_server lantern_options)
install(TARGETS lantern-server RUNTIME DESTINATION bin)
