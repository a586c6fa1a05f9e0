# DatabaseUrl (postgresql:// URLs) and a real QPSQL connection to the PostgreSQL server the test
# run provides in LANTERN_TEST_DATABASE_URL (scripts/test starts a throwaway cluster; without
# it the connection tests skip). Included from tests/server/CMakeLists.txt.
lantern_add_test(tst_databaseurl SOURCES tst_databaseurl.cpp ${CMAKE_SOURCE_DIR}/server/storage/DatabaseUrl.cpp LIBS Qt6::Sql lantern_options)
target_include_directories(tst_databaseurl PRIVATE ${CMAKE_SOURCE_DIR}/server)
