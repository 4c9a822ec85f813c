#!/usr/bin/env node
import { main } from './cli/index.js';

// React (loaded only by the interactive command) is much faster in production mode. The bundle
// fixes NODE_ENV at build time; this covers the unbundled build (dist/bin.js) and tsx.
const env = process.env;
env.NODE_ENV ??= 'production';
process.exitCode = await main(process.argv.slice(2));
