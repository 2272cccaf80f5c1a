#include "sim/scenario/location.hpp"
