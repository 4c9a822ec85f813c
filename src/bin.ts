#!/usr/bin/env node
import { main } from './cli/index.js';

// React (loaded only by the interactive command) is much faster in production mode. The bundle
// fixes NODE_ENV at build time; this covers the unbundled build (dist/bin.js) and tsx.
const env = process.env;
env.NODE_ENV ??= 'production';
// Writes to a pipe or socket that is full queue in memory: a replay of a million steps into a
// slower reader (`| gzip`, `| less`) held its whole transcript, gigabytes. Blocking writes wait
// for the reader, as writes to a file or a terminal do.
const pipe = (process.stdout as { _handle?: { setBlocking?: (on: boolean) => void } })._handle;
if (!process.stdout.isTTY) pipe?.setBlocking?.(true);
process.exitCode = await main(process.argv.slice(2));
