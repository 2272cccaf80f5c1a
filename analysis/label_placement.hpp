#pragma once
// Places text labels beside the points they name so that no two labels overlap and no label
// covers a point (the Morris plot's labels used to overprint into garble where parameters had
// similar effects). Works in pixels of the plot area; the caller maps data to pixels and back.
#include <vector>

namespace campsim::analysis {

struct Box {
  double left = 0, top = 0, width = 0, height = 0;  // pixels, y grows downwards
  double right() const { return left + width; }
  double bottom() const { return top + height; }
  bool overlaps(const Box& other) const;
  bool inside(const Box& area) const;
};

struct PlacedLabel {
  Box box;
  bool leader = false;  // placed away from its point: draw a line from the point to the box
  double leader_x = 0, leader_y = 0;  // the box's nearest point to its anchor, where the line ends
};

struct LabelRequest {
  double x = 0, y = 0;           // the point, pixels
  double width = 0, height = 0;  // the label's text, pixels
};

// Labels in the order given (put the most important first: they get the places nearest their
// points). Each goes to the first free place among eight around its point at growing distances,
// then, if none is free, to the free place nearest its point on a grid over `area`; a label not
// touching its point's first ring of places gets a leader line back to it.
// A place is free when it lies inside `area` and overlaps no placed label and no point's marker
// (a square of side 2 x marker_radius). Only when `area` has no free place at all does a label
// overlap: then it goes beside its point. `obstacles` are other marks no label may cover either
// (the Morris plot's interval bars).
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& labels, const Box& area, double marker_radius,
                                      const std::vector<Box>& obstacles = {});

}  // namespace campsim::analysis
