#pragma once
// Plane geometry for the camp layout, in metres on a local east/north grid.
#include <span>
#include <vector>

namespace campsim::camp {

struct Point {
  double x = 0;  // metres east of the layout origin
  double y = 0;  // metres north of the layout origin
};

double distance(Point a, Point b);
// Exactly distance(a, b) <= r, without the square root where the squared distance settles it:
// the world asks it of every walker every tick (issue 25).
bool within_distance(Point a, Point b, double r);
// Shoelace formula; positive for counter-clockwise polygons, so callers take the absolute value.
double signed_area(std::span<const Point> polygon);
double perimeter_length(std::span<const Point> polygon);
// Even-odd ray casting; points exactly on an edge may fall either side.
bool contains(std::span<const Point> polygon, Point p);
// Distance from p to the nearest point of the polygon's boundary.
double distance_to_boundary(std::span<const Point> polygon, Point p);

}  // namespace campsim::camp
