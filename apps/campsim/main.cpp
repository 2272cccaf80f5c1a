#include <iostream>

#include "sim/version.hpp"

int main() {
  std::cout << "campsim " << campsim::kVersion << "\n";
  return 0;
}
