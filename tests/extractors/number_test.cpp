#include <catch2/catch.hpp>

#include "extractors/chinese_number.h"

using namespace pledge;

TEST_CASE("Arabic numbers", "[numbers]") {
  CHECK(ParseNumber("1,000") == 1000);
  CHECK(ParseNumber("28.3") == Approx(28.3));
  CHECK(ParseNumber("12000") == 12000);
  CHECK(ParseNumber("1,234,567.5") == Approx(1234567.5));
  // Groups of three set apart by spaces (GB/T 15835's 千分空), not figures of other lengths.
  CHECK(ParseNumber("12 345") == 12345);
  CHECK(ParseNumber("1 234 567.5") == Approx(1234567.5));
  CHECK_FALSE(ParseNumber("1 2345"));
  CHECK_FALSE(ParseNumber("1234 567"));
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
  CHECK(ParseNumber("二○○五") == 2005);  // ○ (U+25CB), the zero of older documents
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

TEST_CASE("large units: 万万 is 亿, 兆 is 10^12", "[numbers]") {
  CHECK(ParseNumber("四万万") == 4e8);
  CHECK(ParseNumber("10万万") == 1e9);
  CHECK(ParseNumber("一亿亿") == 1e16);
  CHECK(ParseNumber("五兆六十二亿四万五千二") == 5006200045200.0);
  CHECK(ParseNumber("五十五兆一十二亿四万五千二") == 55001200045200.0);
  CHECK_FALSE(ParseNumber("三亿五亿"));  // two numbers
}

TEST_CASE("units within a section only get smaller, the prefix parser stops there", "[numbers]") {
  CHECK_FALSE(ParseNumber("五十千"));
  auto p = ParseNumberPrefix("五十千");
  REQUIRE(p);
  CHECK(p->value == 50);
  CHECK(p->length == std::string("五十").size());
  p = ParseNumberPrefix("十四五规划");
  REQUIRE(p);
  CHECK(p->length == std::string("十四").size());  // the caller sees the digit that follows
  CHECK_FALSE(ParseNumberPrefix("规划"));
  CHECK_FALSE(ParseNumber("十百千万"));  // a programme's name
}

TEST_CASE("zeros, leading dots, spaces, powers, counting twos", "[numbers]") {
  CHECK(ParseNumber("零十") == 10);
  CHECK(ParseNumber("零") == 0);
  CHECK(ParseNumber("零点五") == Approx(0.5));
  CHECK(ParseNumber("一千零十") == 1010);
  CHECK(ParseNumber(".5") == Approx(0.5));
  CHECK(ParseNumber("-.5") == Approx(-0.5));
  CHECK(ParseNumber("7 万5 千4 百") == 75400);
  CHECK(ParseNumber("1000  万") == 1e7);
  CHECK(ParseNumber("一百 二 十") == 120);
  CHECK(ParseNumber("2^5") == 32);
  CHECK(ParseNumber("2.5^-1") == Approx(0.4));
  CHECK(ParseNumber("負三十二") == -32);
  CHECK(ParseNumber("倆千两百贰拾二") == 2222);
  CHECK_FALSE(ParseNumber("两两"));     // a word (两两结对), not 22
  CHECK_FALSE(ParseNumber("两百点两"));  // 两 is no decimal digit
  CHECK(ParseNumberPrefix("两百点两")->value == 200);
}

TEST_CASE("fractions: 又, slashes, spaced 分之, signs", "[numbers]") {
  CHECK(ParseFraction("三百五十又3分之1") == Approx(350 + 1.0 / 3));
  CHECK(ParseFraction("负一又二分之一") == Approx(-1.5));
  CHECK(ParseFraction("负零又二分之一") == Approx(-0.5));
  CHECK(ParseFraction("-1 1/2") == Approx(-1.5));
  CHECK(ParseFraction("一百万又五十万分之二十五") == Approx(1000000.00005));
  CHECK(ParseFraction("3 分  之 一百五十七") == Approx(157.0 / 3));
  CHECK(ParseFraction("负3分之负一百五十七") == Approx(157.0 / 3));
  CHECK(ParseFraction("一万万分之七") == Approx(7e-8));
  CHECK(ParseFraction("3/5") == Approx(0.6));
  CHECK(ParseFraction("-3/2") == Approx(-1.5));
  CHECK(ParseFraction("1 4/3") == Approx(1 + 4.0 / 3));
  CHECK(ParseFraction("4 6／3") == Approx(6));
  CHECK_FALSE(ParseFraction("3/0"));
  CHECK(IsPerUnitFraction("百万分之五"));
  CHECK(IsPerUnitFraction("千分之五"));
  CHECK_FALSE(IsPerUnitFraction("三分之一"));
}
