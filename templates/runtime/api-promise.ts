// What a generated method returns: awaiting it gives the response body, as users of Stainless-built SDKs
// expect, and `.withResponse()` gives the status, headers and request id beside it, typed per status code:
// a union the caller narrows with `switch (r.status)`.
import type { ApiResponse } from "./client.js";

/** One documented response: its status (a number literal where the spec names one) and its body. */
export interface StatusResponse<TStatus extends number, TData> {
  status: TStatus;
  data: TData;
  headers: Headers;
  requestId?: string;
}

/**
 * The responses of `TMap` (status -> body, as the generated `...Responses` types list them) whose
 * statuses are in `TStatus`. Range and default statuses ("2XX", "default") are `number`.
 */
export type ResponseOf<TMap, TStatus extends keyof TMap> = TStatus extends keyof TMap
  ? StatusResponse<TStatus extends number ? TStatus : number, TMap[TStatus]>
  : never;

export class APIPromise<TData, TResponse = ApiResponse<TData>> implements PromiseLike<TData> {
  private readonly response: Promise<ApiResponse<unknown>>;

  constructor(response: Promise<ApiResponse<unknown>>) {
    this.response = response;
  }

  /** The body with its status, headers and request id; throws the same errors as awaiting the body. */
  withResponse(): Promise<TResponse> {
    return this.response as Promise<TResponse>;
  }

  then<R1 = TData, R2 = never>(
    onfulfilled?: ((value: TData) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.response.then((r) => r.data as TData).then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<TData | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TData> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return "APIPromise";
  }
}
