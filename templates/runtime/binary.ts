// A binary response body (application/octet-stream, application/pdf, image/*...): handed over unread, as
// the caller chooses to take it (a stream, a Blob, an ArrayBuffer), so its bytes arrive as sent (decoding
// them as text turned 0xff into U+FFFD). Each way reads under the client's maxResponseBytes.
import { readBytes } from "./body.js";
import { ResponseTooLargeError } from "./errors.js";

/** A binary body; like a Response's, it can be read once, in one of the three ways. */
export interface BinaryResponse {
  /** The bytes as they arrive; errors with a ResponseTooLargeError past maxResponseBytes. */
  readonly body: ReadableStream<Uint8Array>;
  blob(): Promise<Blob>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The stream of `response`'s body that errors as soon as more than `maxBytes` have passed. */
function limitedStream(response: Response, maxBytes: number): ReadableStream<Uint8Array> {
  const source = response.body ?? new Blob([]).stream();
  let total = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes)
          controller.error(new ResponseTooLargeError(maxBytes, response.status, response.headers));
        else controller.enqueue(chunk);
      },
    }),
  );
}

export function binaryResponse(response: Response, maxBytes: number): BinaryResponse {
  const arrayBuffer = async (): Promise<ArrayBuffer> => {
    const bytes = await readBytes(response, maxBytes);
    // A fresh ArrayBuffer holding exactly these bytes (a chunk may be a view into a larger buffer).
    return bytes.slice().buffer;
  };
  let stream: ReadableStream<Uint8Array> | undefined;
  return {
    get body() {
      stream ??= limitedStream(response, maxBytes);
      return stream;
    },
    blob: async () => new Blob([await arrayBuffer()], { type: response.headers.get("content-type") ?? "" }),
    arrayBuffer,
  };
}
