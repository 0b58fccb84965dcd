import { sha256Hex } from './bytes.js';
import { BUNDLE_PATHS, type ProofCertificateV2 } from './certificate.js';
import { rootFromLeafPath } from './merkle.js';
import { diffRecords, fieldName, metadataHash, metadataLeaf, metadataRecordOf } from './metadata.js';
import type { Problem } from './report.js';

const CERT = BUNDLE_PATHS.certificate;
const METADATA = BUNDLE_PATHS.metadata;

/**
 * Checks that every field the certificate shows is the committed one. The committed record is the one whose
 * hash leads to the folder root by the metadata leaf's path: normally `metadata.sha256`, else (that hash
 * itself edited) metadata.json's. When the shown fields hash to something else, metadata.json, if it is
 * the committed record, tells which field differs.
 */
export async function verifyMetadata(
  certificate: ProofCertificateV2,
  metadataJson: Uint8Array | undefined,
  folderRoot: string,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const { sha256: stated, merklePath, leafIndex } = certificate.metadata;
  const reaches = async (hash: string) => (await rootFromLeafPath(await metadataLeaf(hash), merklePath)) === folderRoot;
  const jsonHash = metadataJson ? await sha256Hex(metadataJson) : null;

  let committed: string | null = null;
  if (leafIndex === certificate.files.length && (await reaches(stated))) committed = stated;
  else if (jsonHash && leafIndex === certificate.files.length && (await reaches(jsonHash))) {
    committed = jsonHash;
    problems.push(altered('$.metadata.sha256', 'l’empreinte des informations certifiées', 'the hash of the certified information'));
  } else {
    problems.push(
      altered(
        '$.metadata',
        'l’entrée des informations certifiées (empreinte ou chemin de Merkle)',
        'the certified information entry (hash or Merkle path)',
      ),
    );
  }
  if (metadataJson && jsonHash !== committed && committed !== null) {
    problems.push({
      code: 'metadata_record_altered',
      culprit: METADATA,
      message: {
        fr: `${METADATA} a été modifié : ce n’est plus l’enregistrement ancré.`,
        en: `${METADATA} was altered: it is no longer the anchored record.`,
      },
    });
  }
  if (committed === null) return problems;

  const shown = metadataRecordOf(certificate);
  if ((await metadataHash(shown)) === committed) return problems;
  if (!metadataJson || jsonHash !== committed) {
    problems.push({
      code: 'certificate_field_altered',
      culprit: CERT,
      detail: '$',
      message: {
        fr: 'certificate.json a été modifié : une information affichée n’est plus celle qui a été ancrée (metadata.json manque ou a été modifié, le champ ne peut être nommé).',
        en: 'certificate.json was altered: a displayed field is not the anchored one (metadata.json is missing or altered, the field cannot be named).',
      },
    });
    return problems;
  }
  const record: unknown = JSON.parse(new TextDecoder().decode(metadataJson));
  for (const difference of diffRecords(record, shown)) {
    const name = fieldName(difference.path);
    const was = JSON.stringify(difference.committed ?? null);
    const now = JSON.stringify(difference.shown ?? null);
    problems.push({
      code: 'certificate_field_altered',
      culprit: CERT,
      detail: difference.path,
      message: {
        fr: `certificate.json a été modifié : ${name.fr} (${difference.path}) indique ${now}, la valeur ancrée est ${was}.`,
        en: `certificate.json was altered: ${name.en} (${difference.path}) reads ${now}, the anchored value is ${was}.`,
      },
    });
  }
  return problems;
}

function altered(detail: string, fr: string, en: string): Problem {
  return {
    code: 'certificate_metadata_altered',
    culprit: CERT,
    detail,
    message: {
      fr: `certificate.json a été modifié : ${fr} ne mène plus à l’empreinte du dossier.`,
      en: `certificate.json was altered: ${en} no longer leads to the folder hash.`,
    },
  };
}
