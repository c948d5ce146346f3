// The runtime's public surface, re-exported by the generated package's index.
export { APIPromise, type ResponseOf, type StatusResponse } from "./api-promise.js";
export { type BinaryResponse } from "./binary.js";
export { type Uploadable, type UploadField, type WithUploads } from "./body.js";
export { Stream, type EventDataKind, type ServerSentEvent } from "./sse.js";
export {
  HttpClient,
  type ApiResponse,
  type AuthConfig,
  type ClientOptions,
  type CredentialParameter,
  type CredentialSource,
  type HttpClientConfig,
  type HttpMethod,
  type LogLevel,
  type Logger,
  type OperationSpec,
  type RequestArgs,
  type RequestOptions,
  type ResponseWish,
} from "./client.js";
export {
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  MissingCredentialError,
  type MissingCredential,
  RequestValidationError,
  type RequestPart,
  type RequestValidationIssue,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  UnprocessableEntityError,
  DocumentedAPIError,
  isDocumentedError,
  type DocumentedError,
  type DocumentedErrors,
  type ErrorClassFor,
} from "./errors.js";
export {
  encodeForm,
  encodeMultipart,
  encodePath,
  encodeQuery,
  type QueryParam,
  type QueryStyle,
} from "./encode.js";
export {
  Page,
  PagePromise,
  cursorField,
  linkHeader,
  nextFromLinkHeader,
  nextLink,
  offsetLimit,
  pageNumber,
  stripeCursor,
  type FetchedPage,
  type ItemsOf,
  type PageSource,
  type PageStrategy,
} from "./pagination.js";
export {
  type RequestValidators,
  type ValidateMode,
  type ValidationWarningHandler,
  type Validator,
} from "./request-check.js";
export { wireName, type ValidateOptions, type ValidationError, type ValidationResult } from "./validation.js";
