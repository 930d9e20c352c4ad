// The model-file fuzz targets' shared check: a file a parser accepts must survive being written
// back and read again (what `storydesk train*` then `--model FILE` do), and every weight it
// holds is a finite number; a file it refuses gets a one-line "line N: ..." message.
#pragma once

#include <cmath>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "storydesk/status.h"

namespace storydesk::fuzz {

template <typename Model, typename Parse, typename Format, typename Weights>
void CheckModelFile(std::string_view text, Parse parse, Format format, Weights weights) {
  const Result<Model> parsed = parse(text);
  if (!parsed.ok()) {
    CheckMessage(parsed.status().message());
    Check(parsed.status().message().rfind("line ", 0) == 0);
    return;
  }
  for (const double w : weights(parsed.value())) Check(std::isfinite(w));
  const std::string written = format(parsed.value());
  const Result<Model> again = parse(written);
  Check(again.ok());
  Check(format(again.value()) == written);  // one write loses what it must; a second loses nothing
}

}  // namespace storydesk::fuzz
