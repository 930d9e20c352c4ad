// OpenFifo: a named pipe (FIFO) as an input stream, opened without waiting for a writer.
//
// open(2) of a FIFO for reading blocks until some process opens it for writing, so an ingest
// given a pipe nobody writes to would hang before reading a byte. Here the pipe is opened with
// O_NONBLOCK (which never waits) and then switched back to blocking reads: a pipe with a writer
// is read to its end like any file; one without a writer reads as empty at once (a writer that
// connects later is not waited for). Other kinds of path are not this function's business.
// Not thread-safe (one stream, one reader).
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "storydesk/status.h"

namespace storydesk::read {

// The stream of the FIFO at `path`. Errors: kIo ("cannot open: <reason>").
Result<std::unique_ptr<std::istream>> OpenFifo(const std::string& path);

}  // namespace storydesk::read
