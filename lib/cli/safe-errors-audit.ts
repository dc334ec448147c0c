#!/usr/bin/env node
// The bin: everything it does lives in runCli, which tests call in-process.
import { runCli } from './audit.cli.js';

// No top-level await: the CommonJS build compiles this file too.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
