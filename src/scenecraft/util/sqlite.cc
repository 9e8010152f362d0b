#include "scenecraft/util/sqlite.h"

#include <sqlite3.h>

#include "scenecraft/util/error.h"

namespace scenecraft {

SqliteDb::SqliteDb(const std::string& path, std::string what, int busy_timeout_ms)
    : path_(path), what_(std::move(what)) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(what_ + ": cannot open (" + message + ")");
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

SqliteDb::~SqliteDb() {
  sqlite3_close(db_);
}

void SqliteDb::UseWriteAheadLog() const {
  if (path_ != ":memory:") Exec("PRAGMA journal_mode=WAL");
}

void SqliteDb::Exec(const std::string& sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw Error(what_ + ": " + text);
  }
}

void SqliteDb::Fail(const std::string& doing) const {
  throw Error(what_ + ": " + doing + ": " + sqlite3_errmsg(db_));
}

std::string SqliteDb::LastMessage() const {
  return sqlite3_errmsg(db_);
}

int64_t SqliteDb::LastInsertRowid() const {
  return sqlite3_last_insert_rowid(db_);
}

SqliteStatement::SqliteStatement(const SqliteDb& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    db.Fail("cannot prepare a statement");
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::Bind(int i, const std::string& s) {
  sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, double d) {
  sqlite3_bind_double(stmt_, i, d);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

bool SqliteStatement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.Fail("cannot read or write");
}

std::string SqliteStatement::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t == nullptr ? "" : reinterpret_cast<const char*>(t);
}

double SqliteStatement::Double(int col) const {
  return sqlite3_column_double(stmt_, col);
}

int64_t SqliteStatement::Int(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

}  // namespace scenecraft
