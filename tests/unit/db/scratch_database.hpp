// A throwaway SQLite file with one table `t (n INTEGER)`, for the unit tests of the database layer (units of work,
// after-commit actions). Removed with its -wal and -shm after each test.
#pragma once

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/crypto.hpp"
#include "db/database.hpp"

class ScratchDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    db::DatabaseSettings settings;
    path_ = std::filesystem::temp_directory_path() / ("nico-scratch-" + core::random_token(8) + ".sqlite");
    settings.sqlite_path = path_.string();
    settings.pool_size = 2;
    database_ = std::make_unique<db::Database>(settings);
    database_->lease()->once << "CREATE TABLE t (n INTEGER NOT NULL)";
  }
  void TearDown() override {
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
};
