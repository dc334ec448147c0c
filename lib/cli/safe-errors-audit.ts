#!/usr/bin/env node
// The bin: everything it does lives in runCli, which tests call in-process.
import { runCli } from './audit.cli.js';

process.exitCode = await runCli(process.argv.slice(2));
