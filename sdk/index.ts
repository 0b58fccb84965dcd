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
  Verdict,
  VerificationReport,
  VerifyOptions,
  Warning as ProofWarning,
  WarningCode as ProofWarningCode,
} from '@lecoffre/proof';
export { type AppCredentials, LeCoffre, type LeCoffreOptions } from './client.js';
export { BearerToken, type TokenProvider } from './core/bearer-token.js';
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
export type { Page, Paginated } from './core/paginated.js';
export type { Transport, TransportRequest } from './core/transport.js';
export { fetchTransport } from './core/transport.js';
// A client with only some resources, for browser bundles that make a few calls (create-client.ts).
export { createClient, type PartialClient, type ResourceClass } from './create-client.js';
export { API_VERSIONS, type ApiVersion, CURRENT_API_VERSION } from './generated/api-versions.js';
// The API's own rules, copied from its domain by `npm run generate`: check a file or filter a list
// exactly as the API will.
export { ACCEPTED_FILE_EXTENSIONS, ACCEPTED_FILE_TYPES, type AcceptedFileType, FILE_TYPES } from './generated/file-types.js';
export { foldForSearch } from './generated/search-folding.js';
export { DEFAULT_TIME_ZONE, FRENCH_TIME_ZONES, isTimeZone } from './generated/time-zones.js';
export { authorizeUrl, exchangeCode, type OAuthClient, OAuthError, type OAuthTokens, refreshTokens, revokeToken } from './oauth.js';
export type { UploadOptions, UploadProgress, UploadSource } from './resources/documents.js';
export type { AddedFolderClient } from './resources/folders.js';
export * as resources from './resources.js';
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
  FolderClientLink,
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
  UpdateOfficeInput,
  VerifyClientCodeInput,
  WebhookEvent,
  WebhookEventOf,
  WebhookEventType,
  WidgetSession,
} from './types.js';
export { verifyProofBundle } from './verify-proof-bundle.js';
