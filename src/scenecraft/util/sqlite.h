// SQLite for files several processes share: the asset index and the skill library.
//
// One open database and one prepared statement, both closing themselves, with every failure an
// Error that names the file by what it holds ("asset index FILE: ...").
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace scenecraft {

class SqliteDb {
 public:
  // Opens `path` (created when missing; ":memory:" for tests). A writer waits up to
  // `busy_timeout_ms` for another process's write lock. `what` starts every error message.
  SqliteDb(const std::string& path, std::string what, int busy_timeout_ms);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& what() const { return what_; }

  // Write-ahead logging, so readers never wait for a writer (not for ":memory:").
  void UseWriteAheadLog() const;
  // Runs SQL without results; throws Error "<what>: <SQLite's message>".
  void Exec(const std::string& sql) const;
  // Throws Error "<what>: <doing>: <SQLite's last message>".
  [[noreturn]] void Fail(const std::string& doing) const;
  // SQLite's message for the last failure.
  std::string LastMessage() const;
  int64_t LastInsertRowid() const;

  // Runs `fn` holding the write lock (BEGIN IMMEDIATE), committing when it returns and rolling
  // back when it throws.
  template <typename Fn>
  decltype(auto) Transaction(Fn&& fn) const {
    Exec("BEGIN IMMEDIATE");
    try {
      if constexpr (std::is_void_v<decltype(fn())>) {
        fn();
        Exec("COMMIT");
      } else {
        decltype(auto) result = fn();
        Exec("COMMIT");
        return result;
      }
    } catch (...) {
      Exec("ROLLBACK");
      throw;
    }
  }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::string what_;
};

// A prepared statement that finalises itself. Bind() counts parameters from 1, columns from 0.
class SqliteStatement {
 public:
  SqliteStatement(const SqliteDb& db, const char* sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& Bind(int i, const std::string& s);
  SqliteStatement& Bind(int i, double d);
  SqliteStatement& Bind(int i, int64_t v);
  // True while there is a row; false when done; throws Error on failure.
  bool Step();
  std::string Text(int col) const;
  double Double(int col) const;
  int64_t Int(int col) const;

 private:
  const SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace scenecraft
