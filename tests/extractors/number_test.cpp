#include <catch2/catch.hpp>

#include "extractors/chinese_number.h"

using namespace pledge;

TEST_CASE("Arabic numbers", "[numbers]") {
  CHECK(ParseNumber("1,000") == 1000);
  CHECK(ParseNumber("28.3") == Approx(28.3));
  CHECK(ParseNumber("12000") == 12000);
  CHECK(ParseNumber("1,234,567.5") == Approx(1234567.5));
  CHECK_FALSE(ParseNumber("1,00"));
  CHECK_FALSE(ParseNumber(""));
  CHECK_FALSE(ParseNumber("abc"));
}

TEST_CASE("Chinese numbers", "[numbers]") {
  CHECK(ParseNumber("两") == 2);
  CHECK(ParseNumber("十") == 10);
  CHECK(ParseNumber("十五") == 15);
  CHECK(ParseNumber("一百二十") == 120);
  CHECK(ParseNumber("一百二") == 120);
  CHECK(ParseNumber("一百零五") == 105);
  CHECK(ParseNumber("三千五") == 3500);
  CHECK(ParseNumber("两万五") == 25000);
  CHECK(ParseNumber("二十万零五百") == 200500);
  CHECK(ParseNumber("一亿两千万") == 120000000);
  CHECK(ParseNumber("二〇三五") == 2035);
  CHECK(ParseNumber("一九九九") == 1999);
  CHECK(ParseNumber("三点五") == Approx(3.5));
  CHECK(ParseNumber("壹仟贰佰叁拾肆") == 1234);
  CHECK(ParseNumber("负五") == -5);
  CHECK_FALSE(ParseNumber("十四五"));  // a plan's name, not a number
  CHECK_FALSE(ParseNumber("二三十"));  // a range, see ParseAdjacentRange
}

TEST_CASE("mixed Arabic and Chinese", "[numbers]") {
  CHECK(ParseNumber("4.5亿") == Approx(4.5e8));
  CHECK(ParseNumber("1000万") == 1e7);
  CHECK(ParseNumber("3千万") == 3e7);
  CHECK(ParseNumber("1.2万亿") == Approx(1.2e12));
  CHECK(ParseNumber("13万2") == 132000);
  CHECK(ParseNumber("20万") == 200000);
}

TEST_CASE("fractions and adjacent ranges", "[numbers]") {
  CHECK(ParseFraction("三分之一") == Approx(1.0 / 3));
  CHECK(ParseFraction("百分之三十") == Approx(0.30));
  CHECK(ParseFraction("千分之五") == Approx(0.005));
  CHECK(ParseAdjacentRange("二三十") == std::make_pair(20.0, 30.0));
  CHECK(ParseAdjacentRange("七八十") == std::make_pair(70.0, 80.0));
  CHECK(ParseAdjacentRange("三五") == std::make_pair(3.0, 5.0));
  CHECK(ParseAdjacentRange("十二三") == std::make_pair(12.0, 13.0));
  CHECK_FALSE(ParseAdjacentRange("二〇三五"));
  CHECK_FALSE(ParseAdjacentRange("23"));
}
