#define BOOST_TEST_MODULE borderline
#include <boost/test/included/unit_test.hpp>

#include "fixture.hpp"

#include <cmath>

namespace borderline::test {
double km_between(double lon1, double lat1, double lon2, double lat2) {
    const double d2r = 3.14159265358979323846 / 180.0;
    const double a = std::pow(std::sin((lat2 - lat1) * d2r / 2), 2) +
                     std::cos(lat1 * d2r) * std::cos(lat2 * d2r) * std::pow(std::sin((lon2 - lon1) * d2r / 2), 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}
}  // namespace borderline::test
