#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, scripts) through tsx: `node run-ts.mjs FILE [args]`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) throw new Error('usage: run-ts.mjs FILE');
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(file)).href);
