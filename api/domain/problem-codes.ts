/**
 * Every `code` a problem+json answer can carry: the one list the API throws from (DomainError, HttpProblem
 * and sendProblem take a `ProblemCode`, so a code missing here does not compile), written into openapi.json
 * as the `ProblemCode` schema by `npm run generate`, from which the SDK types `LeCoffreError.code`.
 * Codes are part of the contract: add freely, never rename or remove one.
 */

/** What a `<subject>_not_found` (404) can be about: `notFound('folder')` answers `folder_not_found`. */
export const NOT_FOUND_SUBJECTS = [
  'api_key',
  'app',
  'app_connection',
  'bank_details',
  'client',
  'document_request',
  'file',
  'folder',
  'member',
  'office',
  'shared_document',
  'webhook_endpoint',
  'webhook_message',
] as const;
export type NotFoundSubject = (typeof NOT_FOUND_SUBJECTS)[number];

const CODES = [
  // Requests the API cannot read, or refuses as a whole.
  'validation_failed',
  'invalid_json',
  'body_too_large',
  'unsupported_encoding',
  'unsupported_media_type',
  'invalid_multipart',
  'too_many_files',
  'too_many_parts',
  'upload_aborted',
  'invalid_cursor',
  'invalid_idempotency_key',
  'unsupported_api_version',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'idempotency_key_answer_lost',
  'route_not_found',
  // Who may do what.
  'unauthenticated',
  'invalid_credentials',
  'cross_origin_request',
  'operation_not_declared',
  'operation_not_allowed',
  'insufficient_scope',
  'api_key_required',
  'member_session_required',
  'member_pending',
  'notary_only',
  'staff_only',
  'client_only',
  'folder_not_accessible',
  'existing_client_link_not_allowed',
  'recent_code_required',
  // Rate limits (429).
  'rate_limited',
  'too_many_failures',
  'resend_too_soon',
  'too_many_codes',
  // Client sign-in.
  'invalid_code',
  'code_expired',
  'code_attempts_exhausted',
  'code_already_used',
  'login_attempt_unknown',
  'weak_password',
  // Field values.
  'invalid_email',
  'invalid_phone',
  'invalid_iban',
  'invalid_bic',
  'unknown_deed_type',
  'unknown_member',
  'unknown_bank_details',
  'unknown_event_type',
  'webhook_url_forbidden',
  'webhook_url_scheme',
  'webhook_url_unresolvable',
  // State conflicts.
  'conflict',
  'folder_number_taken',
  'folder_modified',
  'folder_not_open',
  'folder_archived',
  'folder_frozen',
  'folder_not_complete',
  'folder_already_anchored',
  'folder_not_anchored',
  'client_email_taken',
  'client_already_in_folder',
  'client_not_in_folder',
  'client_has_files',
  'client_contact_locked',
  'document_type_exists',
  'bank_details_modified',
  'request_cancelled',
  'request_has_validated_file',
  'file_not_validated',
  'file_already_validated',
  'file_already_refused',
  'no_file',
  // Files sent.
  'file_too_large',
  'unsupported_file_type',
  'empty_file',
  'checksum_mismatch',
  // Our side.
  'integrity_error',
  'internal_error',
  'database_unavailable',
  'not_ready',
  'server_shutting_down',
] as const;

export type ProblemCode = (typeof CODES)[number] | `${NotFoundSubject}_not_found`;

export const PROBLEM_CODES: readonly ProblemCode[] = [...CODES, ...NOT_FOUND_SUBJECTS.map((subject) => `${subject}_not_found` as const)];
