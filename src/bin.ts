#!/usr/bin/env node
import { main } from './cli/index.js';

// React (loaded only by the interactive command) is much faster in production mode.
process.env.NODE_ENV ??= 'production';
process.exitCode = await main(process.argv.slice(2));
