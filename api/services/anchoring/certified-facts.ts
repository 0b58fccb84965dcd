import { createHash } from 'node:crypto';
import { canonicalMetadata, METADATA_FORMAT, type MetadataRecord } from '@lecoffre/proof';
import { Op, type Transaction } from 'sequelize';
import type { DocumentFileRow } from '../../db/models/document.js';
import type { FolderRow } from '../../db/models/folder.js';
import { canonicalFileOrder, MerkleTree, metadataLeafHash } from '../../domain/merkle.js';
import type { ServiceContext } from '../context.js';

/** What the certificate says about a folder, as the office records it. */
export interface FolderFacts {
  id: string;
  number: string;
  title: string;
  officeName: string;
  crpcen: string;
  notaryName: string;
  deedTypeLabel: string;
}

/** What the certificate says about one file. */
export interface FileFacts {
  id: string;
  sha256: string;
  clientName: string;
  documentTypeLabel: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
  validatedAt: string;
  validatedBy: string;
  row: DocumentFileRow;
}

/**
 * Reads the displayed facts of a folder and of the given files: office, notary, deed type, and per file its
 * depositor, the label of the request it answers, its name, type, size, dates and reviewer's name. One
 * reading for the metadata record (at anchoring) and for a legacy bundle's names.
 */
export async function loadCertifiedFacts(
  ctx: ServiceContext,
  folder: FolderRow,
  fileIds: readonly string[],
  transaction?: Transaction,
): Promise<{ folder: FolderFacts; files: FileFacts[] }> {
  const { models } = ctx.db;
  const files = await models.DocumentFile.findAll({ where: { id: { [Op.in]: [...fileIds] }, folderId: folder.id }, transaction });
  const clients = await models.Client.findAll({ where: { id: { [Op.in]: [...new Set(files.map((f) => f.clientId))] } }, transaction });
  const requests = await models.DocumentRequest.findAll({
    where: { id: { [Op.in]: files.flatMap((f) => (f.requestId ? [f.requestId] : [])) } },
    transaction,
  });
  const reviewers = await models.Member.findAll({
    where: { id: { [Op.in]: files.flatMap((f) => (f.reviewedBy ? [f.reviewedBy] : [])) }, officeId: folder.officeId },
    transaction,
  });
  const office = await models.Office.findByPk(folder.officeId, { rejectOnEmpty: true, transaction });
  const deedType = await models.DeedType.findByPk(folder.deedTypeId, { rejectOnEmpty: true, transaction });
  const notary = await models.Member.findOne({
    where: { officeId: folder.officeId, role: 'notary', status: 'active' },
    order: [['id', 'ASC']],
    transaction,
  });
  const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
  return {
    folder: {
      id: folder.id,
      number: folder.number,
      title: folder.title,
      officeName: office.name,
      crpcen: office.crpcen,
      notaryName: notary ? fullName(notary) : office.name,
      deedTypeLabel: deedType.label,
    },
    files: files.map((file) => {
      const client = clients.find((c) => c.id === file.clientId);
      const reviewer = reviewers.find((m) => m.id === file.reviewedBy);
      return {
        id: file.id,
        sha256: file.sha256.toLowerCase(),
        clientName: client ? `${client.lastName} ${client.firstName}` : 'Client',
        documentTypeLabel: requests.find((r) => r.id === file.requestId)?.label ?? 'Documents supplémentaires',
        fileName: file.originalName,
        mediaType: file.contentType,
        size: Number(file.size),
        uploadedAt: file.createdAt.toISOString(),
        validatedAt: (file.reviewedAt ?? file.updatedAt).toISOString(),
        // A reviewer who left the office is still named by the reference the review recorded.
        validatedBy: reviewer ? fullName(reviewer) : (file.reviewedBy ?? ''),
        row: file,
      };
    }),
  };
}

/** The metadata record of a folder: its facts, its files' in leaf order, the head of its audit chain. */
export function metadataRecord(
  folder: FolderFacts,
  files: readonly Omit<FileFacts, 'row'>[],
  audit: { head: string; events: number },
): MetadataRecord {
  const ordered = canonicalFileOrder(files);
  return {
    format: METADATA_FORMAT,
    formatVersion: 2,
    folder: {
      id: folder.id,
      number: folder.number,
      title: folder.title,
      office: folder.officeName,
      crpcen: folder.crpcen,
      notary: folder.notaryName,
      deedType: folder.deedTypeLabel,
      depositors: [...new Set(ordered.map((file) => file.clientName))].sort(),
    },
    files: ordered.map((file) => ({
      client: file.clientName,
      documentType: file.documentTypeLabel,
      name: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      uploadedAt: file.uploadedAt,
      validatedAt: file.validatedAt,
      validatedBy: file.validatedBy,
    })),
    audit: { head: audit.head, events: audit.events },
  };
}

/** SHA-256 of the record's RFC 8785 bytes, hex. */
export function metadataSha256(record: MetadataRecord): string {
  return createHash('sha256').update(canonicalMetadata(record)).digest('hex');
}

/** The folder tree: the files' leaves in `orderedSha256` order, then the record's metadata leaf. */
export function folderTree(orderedSha256: readonly string[], record: MetadataRecord): MerkleTree {
  return MerkleTree.withLeaves(orderedSha256, [metadataLeafHash(metadataSha256(record))]);
}
