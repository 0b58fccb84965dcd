import { DomainError } from '../../domain/errors.js';

export type UploadRejectedStatus = 413 | 415 | 422;

/**
 * An upload refused for what the file is, with the HTTP status that says so: 413 `file_too_large`,
 * 415 `unsupported_file_type`, 422 `empty_file` or `checksum_mismatch`. Nothing of the file was kept.
 */
export class UploadRejected extends DomainError {
  constructor(
    public readonly status: UploadRejectedStatus,
    code: 'file_too_large' | 'unsupported_file_type' | 'empty_file' | 'checksum_mismatch',
    message: string,
  ) {
    super('invalid', code, message, [{ path: 'file', message }]);
    this.name = 'UploadRejected';
  }
}
