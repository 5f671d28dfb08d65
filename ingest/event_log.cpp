#include "ingest/event_log.h"

#include <spdlog/sinks/stdout_sinks.h>

#include <chrono>
#include <ctime>

namespace pledge {
namespace {

bool g_json = false;

std::string IsoNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  char buf[40];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

}  // namespace

void EventLog::Configure(bool json, spdlog::level::level_enum level) {
  g_json = json;
  auto logger = spdlog::stderr_logger_mt("pledge");
  spdlog::set_default_logger(logger);
  spdlog::set_level(level);
  spdlog::set_pattern(json ? "%v" : "[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] %v");
}

void EventLog::Emit(spdlog::level::level_enum level, const std::string& event, const std::string& message,
                    nlohmann::json fields) {
  if (g_json) {
    nlohmann::json line = {{"ts", IsoNow()}, {"level", spdlog::level::to_string_view(level).data()},
                           {"event", event}, {"message", message}};
    if (fields.is_object()) line.update(fields);
    spdlog::log(level, "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    spdlog::log(level, "{}", message);
  }
}

void EventLog::Info(const std::string& e, const std::string& m, nlohmann::json f) { Emit(spdlog::level::info, e, m, std::move(f)); }
void EventLog::Warn(const std::string& e, const std::string& m, nlohmann::json f) { Emit(spdlog::level::warn, e, m, std::move(f)); }
void EventLog::Error(const std::string& e, const std::string& m, nlohmann::json f) { Emit(spdlog::level::err, e, m, std::move(f)); }

}  // namespace pledge
