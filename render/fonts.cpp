#include "render/fonts.hpp"

#include <stdexcept>
#include <string>

namespace campsim::render {

Fonts load_fonts() {
  const std::string directory = "/usr/share/fonts/truetype/dejavu/";
  Fonts fonts;
  if (!fonts.sans.loadFromFile(directory + "DejaVuSans.ttf") || !fonts.mono.loadFromFile(directory + "DejaVuSansMono.ttf"))
    throw std::runtime_error("the viewer needs the DejaVu fonts in " + directory + " (Debian package fonts-dejavu-core)");
  return fonts;
}

}  // namespace campsim::render
