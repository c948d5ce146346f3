#!/usr/bin/env node
// The CLI is written in TypeScript and runs after `npm ci` with no build step: compiled-cli.js loads it
// from a bundle it keeps up to date with the sources, or through tsx's loader.
import { loadCli } from "./compiled-cli.js";

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
