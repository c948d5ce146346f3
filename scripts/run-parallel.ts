// Runs npm scripts at the same time and fails when any fails: `npm test` type-checks and lints at once
// (each is single-threaded, and CI has two cores). Each script's output is printed whole when it ends,
// so the two never interleave.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.on("close", (code) => {
      const text = Buffer.concat(output).toString("utf8");
      process.stdout.write(`> ${script}: ${code === 0 ? "ok" : `failed (exit ${code})`}\n${text}`);
      resolve(code ?? 1);
    });
  });
}

const scripts = process.argv.slice(2);
const codes = await Promise.all(scripts.map(run));
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
