// EventLog: what a run tells its operator, on stderr through spdlog.
//
// Contract:
//   Text mode prints spdlog's usual lines; JSON mode (--log-json) prints exactly one JSON
//   object per event ({"ts","level","event",…fields}), so log shippers need no parsing rules.
//   Progress lines are separate (Progress): they go to a terminal only.
#pragma once

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <string>

namespace pledge {

class EventLog {
 public:
  static void Configure(bool json, spdlog::level::level_enum level = spdlog::level::info);
  static void Info(const std::string& event, const std::string& message, nlohmann::json fields = {});
  static void Warn(const std::string& event, const std::string& message, nlohmann::json fields = {});
  static void Error(const std::string& event, const std::string& message, nlohmann::json fields = {});

 private:
  static void Emit(spdlog::level::level_enum level, const std::string& event, const std::string& message,
                   nlohmann::json fields);
};

}  // namespace pledge
