// One `specsmith capture --api bench --from URL` in this process, for the capture bench (capture.ts):
// prints its wall time (the CLI's run, after Node has started), the process's CPU time (which a busy
// machine inflates far less than the wall time), peak RSS and summary line as JSON.
import { main } from "../cli.ts";
import { createTerminal } from "../lib/terminal.ts";

const [from, specs] = process.argv.slice(2) as [string, string];
const lines: string[] = [];
const sink = { isTTY: false, columns: 80, write: (s: string) => lines.push(s) > 0, on: () => sink };
const term = createTerminal(sink as unknown as NodeJS.WriteStream, sink as unknown as NodeJS.WriteStream, {});
const started = performance.now();
const code = await main(["capture", "--api", "bench", "--from", from, "--specs", specs], term, process.cwd());
const seconds = (performance.now() - started) / 1000;
const summary = lines.find((l) => / new, \d+ changed/.test(l))?.trim() ?? lines.join(" ").slice(0, 300);
const cpu = process.cpuUsage();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({ seconds, cpuSeconds, peakMiB: process.resourceUsage().maxRSS / 1024, code, summary }),
);
