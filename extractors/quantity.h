// Quantity: one quantitative statement found in a sentence (the `commitments` row, minus ids).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pledge {

struct Quantity {
  uint32_t start = 0, end = 0;  // byte span in the text given to ExtractQuantities
  std::string text;             // that span
  std::string kind;             // money | duration | percent | year | count | area | measure | multiple | ratio
  std::optional<double> value, low, high;
  std::string unit;             // CNY, USD, day, month, year, percent, pp, mu, km … ; "" = null
  std::string bound;            // exact | min | max | approx | range
  std::string modality;         // obligation | target | achievement | condition ; "" = null
  std::string period;           // year | month | person-year … ; "" = null
};

}  // namespace pledge
