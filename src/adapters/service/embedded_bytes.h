// STORYDESK_EMBED(name, path): a file's bytes placed in the binary's read-only data by the
// assembler (.incbin), so there is no generated source and the file is read once, at build
// time. Declares `name_begin` and `name_end`. `path` is an absolute path string literal (set
// by CMake, which also rebuilds the including file when the embedded file changes). For the
// shipped models (shipped_models.cc) and the web page (http/embedded_files.cc).
#pragma once

#define STORYDESK_EMBED(name, path)     \
  asm(".section .rodata\n"              \
      ".global " #name                  \
      "_begin\n"                        \
      ".hidden " #name "_begin\n" #name \
      "_begin:\n"                       \
      ".incbin \"" path                 \
      "\"\n"                            \
      ".global " #name                  \
      "_end\n"                          \
      ".hidden " #name "_end\n" #name   \
      "_end:\n"                         \
      ".previous\n");                   \
  extern "C" const char name##_begin[]; \
  extern "C" const char name##_end[];
