// The kexie command's entry point: everything is in app.cpp and the *_command.cpp files.
#include "commands.hpp"

int main(int argc, char** argv) { return kexie::cli::run(argc, argv); }
