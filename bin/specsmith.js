#!/usr/bin/env node
// The CLI is written in TypeScript; tsx's loader runs it directly so `npx specsmith` works after `npm ci`
// with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli.ts");
process.exitCode = await main(process.argv.slice(2));
