// Colour only on a TTY and never with NO_COLOR; progress only where a person watches.
import { describe, expect, it } from "vitest";
import { createTerminal, paint } from "../../scripts/lib/terminal.ts";
import { recordingStream } from "./memory-terminal.ts";

function stream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return Object.assign(recordingStream(isTTY, written), { written });
}

describe("terminal", () => {
  it("colours on a TTY", () => {
    const out = stream(true);
    createTerminal(out, stream(true), {}).out(paint("red", "error"));
    expect(out.written).toEqual(["\u001b[31merror\u001b[39m"]);
  });

  it.each([
    ["not a TTY", false, {}],
    ["NO_COLOR set", true, { NO_COLOR: "" }],
    ["TERM=dumb", true, { TERM: "dumb" }],
  ])("does not colour when %s", (_name, tty, env) => {
    const out = stream(tty);
    createTerminal(out, stream(tty), env).out(paint("red", "error"));
    expect(out.written).toEqual(["error"]);
  });

  it("draws progress in place on a TTY and clears it before other output", () => {
    const err = stream(true);
    const term = createTerminal(stream(true), err, {});
    term.progress("scraping a (1/2)");
    term.err("warning x");
    expect(err.written).toEqual(["\r\u001b[2Kscraping a (1/2)", "\r\u001b[2K", "warning x"]);
  });

  it("prints no progress when stderr is not a TTY", () => {
    const err = stream(false);
    createTerminal(stream(false), err, {}).progress("scraping");
    expect(err.written).toEqual([]);
  });

  it("prints no progress in CI, even where the CI gives the run a TTY", () => {
    const err = stream(true);
    createTerminal(stream(true), err, { CI: "true" }).progress("scraping");
    expect(err.written).toEqual([]);
    const local = stream(true);
    createTerminal(stream(true), local, { CI: "false" }).progress("scraping");
    expect(local.written).toEqual(["\r\u001b[2Kscraping"]);
  });
});
