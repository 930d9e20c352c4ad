// storydesk train-ner TRAIN.txt [--unlabelled ARTICLES...] -o MODEL — trains the entity model
// (storydesk/entities/entity_model.h) on CoNLL-2003 columns, the last column the IOB2 tag,
// with word clusters (storydesk/entities/word_clusters.h) learned from the words of the
// training file and of the unlabelled articles, and writes the model file with how it was
// made in its comments. `make models` runs it (scripts/train_models.sh) into
// models/entity-model.tsv.gz (gzipped).
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/conll_reader.h"
#include "adapters/wordnet/wordnet_names.h"
#include "storydesk/entities/entity_model.h"
#include "storydesk/entities/word_clusters.h"
#include "storydesk/text/normalize.h"
#include "storydesk/text/tokens.h"
#include "storydesk/text/utf8.h"

namespace storydesk::cli {
namespace {

struct TrainNerFlags {
  std::string input;
  std::string output;
  int epochs = 0;
  size_t training_beam = 16;
  std::vector<std::string> unlabelled;
  std::vector<std::string> unlabelled_text;
  size_t clusters = 256;
  std::string wordnet = wordnet::kDebianWordNetDir.string();
  bool training_names = true;
};

// The unlabelled articles' texts as word sequences (one per article, as the analysis
// tokenises: punctuation dropped, case kept).
Result<std::vector<std::vector<std::string>>> UnlabelledWords(const std::vector<std::string>& paths, size_t* articles) {
  std::vector<std::vector<std::string>> sequences;
  if (paths.empty()) return sequences;
  ProgressBar progress("reading unlabelled text");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) return read.status();
  for (const RawArticle& a : read.value().articles) {
    const std::string normalized = text::Normalize(a.text);
    std::vector<std::string> words;
    for (const text::Token& t : text::Tokenize(normalized)) words.emplace_back(t.text);
    sequences.push_back(std::move(words));
  }
  *articles = read.value().articles.size();
  return sequences;
}

// The words of plain UTF-8 text files, each file one sequence; a directory stands for its
// regular files, in name order.
Result<std::vector<std::vector<std::string>>> PlainTextWords(const std::vector<std::string>& paths, size_t* files) {
  std::vector<std::string> names;
  for (const std::string& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::string> inside;
      for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
        if (entry.is_regular_file()) inside.push_back(entry.path().string());
      }
      if (error) return Status::Error(ErrorCode::kIo, path + ": cannot list (" + error.message() + ")");
      std::sort(inside.begin(), inside.end());
      names.insert(names.end(), inside.begin(), inside.end());
    } else {
      names.push_back(path);
    }
  }
  std::vector<std::vector<std::string>> sequences;
  for (const std::string& name : names) {
    auto text = ReadFileWhole(name);
    if (!text.ok()) return text.status();
    size_t bad = 0;
    if (!text::IsValidUtf8(text.value(), &bad)) {
      return Status::Error(ErrorCode::kInvalidInput, name + ": not UTF-8 at byte " + std::to_string(bad));
    }
    const std::string normalized = text::Normalize(text.value());
    std::vector<std::string> words;
    for (const text::Token& t : text::Tokenize(normalized)) words.emplace_back(t.text);
    sequences.push_back(std::move(words));
  }
  *files = names.size();
  return sequences;
}

int RunTrainNer(const TrainNerFlags& flags) {
  auto text = ReadFileWhole(flags.input);
  if (!text.ok()) {
    PrintError(text.status().message());
    return ExitCodeFor(text.status());
  }
  auto file = read::ReadConll(text.value(), flags.input);
  if (!file.ok()) {
    PrintError(file.status().message());
    return kExitUsage;
  }
  auto documents = read::LabeledDocuments(file.value(), flags.input);
  if (!documents.ok()) {
    PrintError(documents.status().message());
    return kExitUsage;
  }
  if (documents.value().size() < 10) {
    PrintError(flags.input + ": " + std::to_string(documents.value().size()) +
               " documents; training needs at least 10 (a tenth is held out to choose the passes)");
    return kExitUsage;
  }
  size_t articles = 0;
  auto unlabelled = UnlabelledWords(flags.unlabelled, &articles);
  if (!unlabelled.ok()) {
    PrintError(unlabelled.status().message());
    return ExitCodeFor(unlabelled.status());
  }
  std::vector<std::vector<std::string>> sequences = std::move(unlabelled).value();
  size_t files = 0;
  auto plain = PlainTextWords(flags.unlabelled_text, &files);
  if (!plain.ok()) {
    PrintError(plain.status().message());
    return ExitCodeFor(plain.status());
  }
  for (auto& s : plain.value()) sequences.push_back(std::move(s));
  for (const entities::LabeledDocument& d : documents.value()) {
    for (const entities::TokenSentence& s : d.sentences) sequences.push_back(s);
  }
  entities::WordClusterOptions cluster_options;
  cluster_options.classes = flags.clusters;
  entities::WordClusterReport cluster_report;
  const entities::WordClusters clusters =
      flags.clusters == 0 ? entities::WordClusters()
                          : entities::TrainWordClusters(sequences, cluster_options, &cluster_report);

  entities::Gazetteer listed;
  if (flags.wordnet != "none") {
    auto names = wordnet::LoadWordNetNames(flags.wordnet);
    if (!names.ok()) {
      PrintError(names.status().message());
      return ExitCodeFor(names.status());
    }
    listed = std::move(names).value();
  }
  entities::EntityTrainingOptions options;
  options.epochs = flags.epochs;
  if (clusters.WordCount() > 0) options.clusters = &clusters;
  if (!listed.Empty()) options.gazetteer = &listed;
  options.list_training_names = flags.training_names;
  options.training_beam = flags.training_beam;
  entities::EntityTrainingReport report;
  const entities::EntityModel model = entities::TrainEntityModel(documents.value(), options, &report);

  std::vector<std::string> comments = {"trained by `storydesk train-ner` (averaged perceptron, BILOU labels) on " +
                                           std::filesystem::path(flags.input).filename().string(),
                                       std::to_string(documents.value().size()) + " documents, " +
                                           std::to_string(report.tokens) + " tokens; " + std::to_string(report.epochs) +
                                           " passes; " + std::to_string(report.features) + " features"};
  if (clusters.WordCount() > 0) {
    std::string moved;
    for (size_t m : cluster_report.moved) moved += " " + std::to_string(m);
    comments.push_back("word clusters: " + std::to_string(flags.clusters) +
                       " classes (exchange, then merged into a tree) of " + std::to_string(cluster_report.words) +
                       " words seen 3 times or more in " + std::to_string(cluster_report.tokens) +
                       " tokens: the training file and " + std::to_string(articles) + " unlabelled articles and " +
                       std::to_string(files) + " text files; words moved in each pass:" + moved);
  }
  comments.push_back("listed names: " + std::to_string(listed.Size()) + " capitalised WordNet lemmas" +
                     (flags.training_names
                          ? std::string(" and the training file's names (each document trained on with "
                                        "the names of the other fifths only)")
                          : std::string()) +
                     ": " + std::to_string(model.KnownNames().Size()) + " phrases");
  if (!report.held_out_f1.empty()) {
    std::string line = "passes chosen on the last tenth of the documents held out, entity F1 after each:";
    for (double f : report.held_out_f1) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, " %.4f", f);
      line += buffer;
    }
    comments.push_back(line);
  }
  if (!report.held_out_decodings.empty()) {
    std::string line = "decoding chosen on the same tenth, entity F1:";
    for (const auto& [decoding, f1] : report.held_out_decodings) {
      char buffer[96];
      if (decoding.beam <= 1) {
        std::snprintf(buffer, sizeof buffer, " greedy %.4f", f1);
      } else {
        std::snprintf(buffer, sizeof buffer, "; beam %zu at temperature %g %.4f", decoding.beam,
                      static_cast<double>(decoding.temperature), f1);
        if (decoding.temperature == 0) {
          std::snprintf(buffer, sizeof buffer, "; beam %zu on raw scores %.4f", decoding.beam, f1);
        }
      }
      line += buffer;
    }
    const entities::EntityDecoding& chosen = model.Decoding();
    char buffer[96];
    if (chosen.beam <= 1) {
      std::snprintf(buffer, sizeof buffer, " (chosen: greedy)");
    } else {
      std::snprintf(buffer, sizeof buffer, " (chosen: beam %zu at temperature %g)", chosen.beam,
                    static_cast<double>(chosen.temperature));
      if (chosen.temperature == 0)
        std::snprintf(buffer, sizeof buffer, " (chosen: beam %zu on raw scores)", chosen.beam);
    }
    line += buffer;
    comments.push_back(line);
  }
  if (Status s = WriteFileWhole(flags.output, model.ToText(comments)); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  for (const std::string& c : comments) std::cout << c << '\n';
  std::cerr << "train-ner: model written to " << flags.output << '\n';
  return kExitOk;
}

}  // namespace

void AddTrainNerCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("train-ner", "train the named-entity tagger on CoNLL-2003 columns");
  auto flags = std::make_shared<TrainNerFlags>();
  cmd->add_option("input", flags->input, "CoNLL file: word first, IOB2 tag last, blank line between sentences")
      ->required();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--unlabelled", flags->unlabelled,
                  "articles (JSON Lines, seed text, directories) whose words the clusters are learned from, "
                  "besides the training file's");
  cmd->add_option("--unlabelled-text", flags->unlabelled_text,
                  "plain UTF-8 text files, or directories of them, whose words the clusters are learned from");
  cmd->add_option("--clusters", flags->clusters, "word classes (0: no clusters)")->capture_default_str();
  cmd->add_option("--wordnet", flags->wordnet,
                  "WordNet's database, whose capitalised lemmas are listed as names (\"none\": not used)")
      ->capture_default_str();
  cmd->add_flag("!--no-training-names", flags->training_names, "do not list the training file's own names");
  cmd->add_option("--epochs", flags->epochs, "passes over the data (default 0: chosen on a held-out tenth)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--training-beam", flags->training_beam,
                  "histories the training keeps (1: trains on the greedy decoder's own decisions; more: a beam "
                  "with early update)")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->footer("The built-in model is models/entity-model.tsv.gz (gzipped), retrained by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrainNer(*flags); });
}

}  // namespace storydesk::cli
