/**
 * The SDK's universal entry (`lecoffre/sdk`): Node >= 20, browsers, any runtime with fetch. Nothing on
 * this path imports a Node module; Node-only helpers (webhook verification, file paths) are in `./node.ts`.
 */

export type {
  AnchorStatus,
  AnchorVerdict,
  Bilingual,
  FileStatus,
  FileVerdict,
  Problem as ProofProblem,
  ProblemCode as ProofProblemCode,
  VerificationReport,
  VerifyOptions,
} from '@lecoffre/proof';
export { LeCoffre, type LeCoffreOptions } from './client.js';
export { BearerToken, type TokenProvider } from './core/bearer-token.js';
// Building blocks the widgets share with the SDK's own requests (one error mapping, one retry policy, one
// idempotency key format), so a widget's XHR upload behaves exactly as `files.upload`.
export { errorFromResponse } from './core/error-from-response.js';
export {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  type ErrorCode,
  LeCoffreError,
  LeCoffreValidationError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  RateLimitError,
  type SdkErrorCode,
  TimeoutError,
} from './core/errors.js';
export type { PostOptions, RequestOptions, UpdateOptions } from './core/http-client.js';
export { newIdempotencyKey } from './core/idempotency-key.js';
export type { Page, Paginated } from './core/paginated.js';
export { retryDelayMs } from './core/retry-policy.js';
export type { Transport, TransportRequest } from './core/transport.js';
export { fetchTransport } from './core/transport.js';
export type { UploadOptions, UploadProgress, UploadSource } from './resources/files.js';
export type { AddedFolderClient } from './resources/folders.js';
export type {
  AddFolderClientInput,
  ApiKey,
  AuditEvent,
  BankDetails,
  BodyOf,
  Client,
  ClientLoginStarted,
  ClientSignedIn,
  CreateApiKeyInput,
  CreateBankDetailsInput,
  CreateClientInput,
  CreateDocumentRequestsInput,
  CreateDocumentTypeInput,
  CreatedApiKey,
  CreateFolderInput,
  CreateWidgetSessionInput,
  DeedType,
  DocumentFile,
  DocumentRequest,
  DocumentType,
  FieldError,
  Folder,
  FolderClient,
  ItemOf,
  ListClientsQuery,
  ListFoldersQuery,
  ListMembersQuery,
  Me,
  Member,
  NotInContract,
  Office,
  Problem,
  ProblemCode,
  QueryOf,
  RefuseFileInput,
  ResultOf,
  Route,
  SetFolderAccessInput,
  ShareDocumentInput,
  SharedDocument,
  StartClientLoginInput,
  UpdateBankDetailsInput,
  UpdateClientInput,
  UpdateFolderInput,
  VerifyClientCodeInput,
  WebhookEvent,
  WebhookEventOf,
  WebhookEventType,
  WidgetSession,
} from './types.js';
export { verifyProofBundle } from './verify-proof-bundle.js';
