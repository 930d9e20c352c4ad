// Fills an EntityModel row by row: what parsing a model file and finishing a training run share.
#pragma once

#include <array>
#include <string>

#include "core/entities/bilou.h"
#include "storydesk/entities/entity_model.h"

namespace storydesk::entities {

class EntityModelBuilder {
 public:
  // Adds feature `name` with its weight per label; false when the model has it already.
  static bool AddRow(EntityModel* model, std::string name, const std::array<float, kLabels>& row);
  static WordClusters& Clusters(EntityModel* model);
  static Gazetteer& KnownNames(EntityModel* model);
};

}  // namespace storydesk::entities
