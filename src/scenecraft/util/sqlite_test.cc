#include "scenecraft/util/sqlite.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

int64_t CountRows(const SqliteDb& db) {
  SqliteStatement count(db, "SELECT count(*) FROM t");
  EXPECT_TRUE(count.Step());
  return count.Int(0);
}

TEST(Sqlite, StatementBindsAndReadsEveryColumnType) {
  const SqliteDb db(":memory:", "test database", 1000);
  db.Exec("CREATE TABLE t(s TEXT, d REAL, i INTEGER)");
  SqliteStatement insert(db, "INSERT INTO t VALUES (?1, ?2, ?3)");
  // Text with an embedded quote and a NUL-free UTF-8 character stays as bound, never as SQL.
  insert.Bind(1, std::string("it's a caf\xC3\xA9")).Bind(2, 2.5).Bind(3, int64_t{1} << 40);
  EXPECT_FALSE(insert.Step());
  EXPECT_EQ(db.LastInsertRowid(), 1);
  SqliteStatement read(db, "SELECT s, d, i FROM t");
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Text(0), "it's a caf\xC3\xA9");
  EXPECT_DOUBLE_EQ(read.Double(1), 2.5);
  EXPECT_EQ(read.Int(2), int64_t{1} << 40);
  EXPECT_FALSE(read.Step());
}

TEST(Sqlite, TransactionCommitsItsResultAndRollsBackWhenItThrows) {
  const SqliteDb db(":memory:", "test database", 1000);
  db.Exec("CREATE TABLE t(i INTEGER)");
  const int64_t rowid = db.Transaction([&] {
    SqliteStatement(db, "INSERT INTO t VALUES (7)").Step();
    return db.LastInsertRowid();
  });
  EXPECT_EQ(rowid, 1);
  EXPECT_THROW(db.Transaction([&] {
    SqliteStatement(db, "INSERT INTO t VALUES (8)").Step();
    throw std::runtime_error("stop");
  }),
               std::runtime_error);
  EXPECT_EQ(CountRows(db), 1);
  // The write lock was released: the next transaction starts.
  db.Transaction([&] { SqliteStatement(db, "INSERT INTO t VALUES (9)").Step(); });
  EXPECT_EQ(CountRows(db), 2);
}

TEST(Sqlite, EveryErrorNamesWhatTheDatabaseHolds) {
  const SqliteDb db(":memory:", "asset index FILE", 1000);
  try {
    db.Exec("SELEKT 1");
    FAIL() << "bad SQL ran";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("asset index FILE: ", 0), 0u) << e.what();
  }
  try {
    SqliteStatement bad(db, "SELECT * FROM no_such_table");
    FAIL() << "a statement on a missing table was prepared";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("asset index FILE: cannot prepare"), std::string::npos) << message;
    EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
  }
}

TEST(Sqlite, AFileThatIsNotSqliteFailsAtItsFirstRead) {
  const std::filesystem::path file = std::filesystem::path(::testing::TempDir()) /
                                     ("sqlite_test_not_a_database_" + std::to_string(::getpid()));
  {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string junk(4096, 'x');
    std::fwrite(junk.data(), 1, junk.size(), f);
    std::fclose(f);
  }
  const SqliteDb db(file.string(), "skill library FILE", 1000);
  EXPECT_THROW(SqliteStatement(db, "SELECT count(*) FROM sqlite_master").Step(), Error);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace scenecraft
