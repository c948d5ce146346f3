// Binary request bodies and fields (`format: binary`, a `contentMediaType` without an encoding), on the
// wire against a real HTTP server on 127.0.0.1 and by the real tsc: a multipart body's file fields take a
// Blob, a File (its name kept), bytes or a ReadableStream, each arriving as a file part with a filename
// and its bytes intact; an octet-stream body takes the same and arrives byte for byte, on every attempt
// of a retried call. The package is test/fixtures/specs/media.json's (test/setup/test-packages.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Recorded, type TestServer } from "../runtime/server.ts";
import { consumerTypeErrors, importTestPackage } from "./test-package.ts";

type Call = (params: unknown, options?: Record<string, unknown>) => Promise<unknown>;
interface Package {
  MediaClient: new (options: Record<string, unknown>) => {
    files: { create: Call };
    uploads: { create: Call };
  };
}

/** Every byte value, twice: 0xff and invalid UTF-8 sequences must arrive as they were sent. */
const BYTES = Uint8Array.from({ length: 512 }, (_, i) => 255 - (i % 256));

let pkg: Package;
let dir: string;
let server: TestServer;

beforeAll(async () => {
  ({ pkg, dir } = await importTestPackage<Package>("media"));
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

const client = (options: Record<string, unknown> = {}) =>
  new pkg.MediaClient({ baseURL: server.url, apiKey: "sk-test", maxRetries: 0, ...options });

/** A stream that hands over `bytes` in two chunks. */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const half = bytes.length >> 1;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, half));
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  });
}

/** The multipart body the server received, parsed by fetch's own multipart parser. */
async function formOf(request: Recorded): Promise<FormData> {
  const headers = { "content-type": String(request.headers["content-type"]) };
  return new Response(new Uint8Array(request.body), { headers }).formData();
}

/** The file part `name` holds: its filename and bytes. */
async function fileOf(form: FormData, name: string): Promise<{ name: string; bytes: number[] }> {
  const part = form.get(name);
  if (!(part instanceof File)) throw new Error(`part ${name} is not a file: ${String(part)}`);
  return { name: part.name, bytes: [...new Uint8Array(await part.arrayBuffer())] };
}

/** The raw Content-Disposition line of each part, as it went over the wire. */
function dispositions(request: Recorded): string[] {
  return [...request.body.toString("latin1").matchAll(/content-disposition:[^\r\n]*/gi)].map((m) => m[0]);
}

describe("a multipart body's binary fields, on the wire", () => {
  it("send a File with its name, and a Blob, bytes and a stream as named file parts", async () => {
    const from = server.requests.length;
    await client().files.create({
      file: new File([BYTES], "report.pdf", { type: "application/pdf" }),
      purpose: "assistants",
      attachments: [new Blob([BYTES]), BYTES, streamOf(BYTES)],
      thumbnail: streamOf(BYTES.slice(0, 3)),
    });
    const request = server.requests[from] as Recorded;
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formOf(request);
    expect(form.get("purpose")).toBe("assistants");
    expect(await fileOf(form, "file")).toEqual({ name: "report.pdf", bytes: [...BYTES] });
    for (const index of [0, 1, 2]) {
      const part = await fileOf(form, `attachments[${index}]`);
      expect(part.bytes).toEqual([...BYTES]);
      expect(part.name).not.toBe("");
    }
    expect((await fileOf(form, "thumbnail")).bytes).toEqual([255, 254, 253]);
    // Every file part carries a filename: servers (Stripe's, OpenAI's) refuse a file part without one.
    const fileParts = dispositions(request).filter((line) => !line.includes('name="purpose"'));
    expect(fileParts).toHaveLength(5);
    for (const line of fileParts) expect(line).toMatch(/; filename="[^"]+"/);
  });
});

describe("an octet-stream body, on the wire", () => {
  it("sends bytes, a Blob and a stream byte for byte, the stream on every attempt of a retry", async () => {
    for (const body of [BYTES, new Blob([BYTES]), streamOf(BYTES)]) {
      const from = server.requests.length;
      await client().uploads.create({ body });
      const request = server.requests[from] as Recorded;
      expect(request.headers["content-type"]).toBe("application/octet-stream");
      expect([...request.body]).toEqual([...BYTES]);
    }
    // A stream is read once, so the client reads it first: a retried call sends the same bytes again.
    const from = server.requests.length;
    server.reply({ status: 503, headers: { "retry-after": "0" }, body: { error: "busy" } });
    await client({ maxRetries: 1 }).uploads.create({ body: streamOf(BYTES) }, { idempotencyKey: "upload-1" });
    const attempts = server.requests.slice(from);
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) expect([...attempt.body]).toEqual([...BYTES]);
  });
});

describe("types, by the real tsc", () => {
  it("take Blob, File, Uint8Array and ReadableStream where the spec says bytes, and nothing else", async () => {
    const errors = await consumerTypeErrors(dir, [
      "import { MediaClient, type UploadFileParams } from PACKAGE;",
      "const c = new MediaClient({});",
      "declare const stream: ReadableStream<Uint8Array>;",
      'await c.files.create({ file: new Blob(["x"]), purpose: "batch" });',
      'await c.files.create({ file: new File(["x"], "a.txt"), purpose: "batch", attachments: [new Uint8Array(1), stream] });',
      'await c.files.create({ file: stream, purpose: "batch", thumbnail: new Blob([]) });',
      'await c.uploads.create({ body: new Blob(["x"]) });',
      "await c.uploads.create({ body: new Uint8Array(2) });",
      "await c.uploads.create({ body: stream });",
      "// @ts-expect-error a file field takes no number",
      'await c.files.create({ file: 1, purpose: "batch" });',
      "// @ts-expect-error the file is still required",
      'const missing: UploadFileParams = { purpose: "batch" };',
      "// @ts-expect-error other fields keep their types",
      'await c.files.create({ file: stream, purpose: "other" });',
      "void missing;",
    ]);
    expect(errors).toEqual([]);
  });
});
