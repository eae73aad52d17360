// A program outside the aidstat tree that uses the library.
#include <aidstat/aidstat.hpp>
#include <iostream>

int main() {
  const aidstat::money_interval a = aidstat::parse_money("1100余万元");
  std::cout << "consumer: 1100余万元 = [" << aidstat::format_yuan_decimal(a.min()) << ", "
            << aidstat::format_yuan_decimal(a.max()) << "]\n";
}
