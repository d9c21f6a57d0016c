#define BOOST_TEST_MODULE borderline
#include <boost/test/included/unit_test.hpp>

#include "fixture.hpp"

#include <cmath>
