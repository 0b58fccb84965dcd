import type { AnchorStatus, FileStatus, Verdict } from '@lecoffre/sdk';
import { defineMessages } from '../../core/i18n.js';

/** The page's own words; the verdicts themselves come from the verifier, in French and English both. */
export const MESSAGES = defineMessages(
  {
    title: 'Vérifier une preuve LeCoffre',
    intro:
      'Déposez l’archive de preuve (.zip) remise par l’étude. Elle est vérifiée ici, dans votre navigateur : le fichier n’est envoyé à personne, pas même à LeCoffre.',
    choose: 'Choisir une archive de preuve',
    dropHere: 'ou déposez-la ici',
    accepted: 'Fichier .zip (preuve-….zip)',
    rpcLabel: 'Nœud Tezos (facultatif)',
    rpcHint:
      'L’adresse d’un nœud RPC Tezos, par exemple https://mainnet.tezos.ecadinfra.com, pour vérifier l’ancrage sur la blockchain. Sans nœud, les empreintes sont vérifiées hors ligne.',
    verifyAgain: 'Vérifier à nouveau',
    verifying: (name: string) => `Vérification de ${name}…`,
    verified: (name: string) => `Vérification de ${name} terminée.`,
    crashed: (why: string) => `La vérification n’a pas pu aller au bout : ${why}`,
    folder: 'Dossier',
    folderHash: 'Empreinte du dossier',
    documents: 'Documents',
    document: 'Document',
    result: 'Résultat',
    detail: 'Détail',
    anchor: 'Ancrage',
    network: 'Réseau',
    operation: 'Opération',
    explorer: 'Voir l’opération sur l’explorateur',
    otherProblems: 'Autres problèmes',
    noDocuments: 'Aucun document dans l’archive.',
  },
  {
    title: 'Verify a LeCoffre proof',
    intro:
      'Drop the proof bundle (.zip) the notary’s office gave you. It is verified here, in your browser: the file is sent to no one, not even to LeCoffre.',
    choose: 'Choose a proof bundle',
    dropHere: 'or drop it here',
    accepted: 'A .zip file (preuve-….zip)',
    rpcLabel: 'Tezos node (optional)',
    rpcHint:
      'The address of a Tezos RPC node, such as https://mainnet.tezos.ecadinfra.com, to check the anchor on the blockchain. Without a node, the hashes are checked offline.',
    verifyAgain: 'Verify again',
    verifying: (name: string) => `Verifying ${name}…`,
    verified: (name: string) => `Finished verifying ${name}.`,
    crashed: (why: string) => `The verification could not finish: ${why}`,
    folder: 'Folder',
    folderHash: 'Folder hash',
    documents: 'Documents',
    document: 'Document',
    result: 'Result',
    detail: 'Detail',
    anchor: 'Anchor',
    network: 'Network',
    operation: 'Operation',
    explorer: 'See the operation on the explorer',
    otherProblems: 'Other problems',
    noDocuments: 'No document in the archive.',
  },
);

export type VerifyMessages = (typeof MESSAGES)['fr'];

/** Verdict labels, French then English whatever the page's language: the report itself is bilingual. */
export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  ok: 'Conforme / Intact',
  modified: 'Modifié / Modified',
  missing: 'Manquant / Missing',
  renamed: 'Renommé / Renamed',
  extra: 'En trop / Extra',
  certificate_mismatch: 'Certificat altéré / Certificate altered',
};

export const ANCHOR_STATUS_LABELS: Record<AnchorStatus, string> = {
  verified: 'Vérifié sur la chaîne / Verified on chain',
  not_checked: 'Non vérifié (aucun nœud) / Not checked (no node)',
  local_dev: 'Développement local, hors blockchain / Local development, no blockchain',
  pending: 'Pas encore définitif / Not final yet',
  failed: 'Échec / Failed',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  valid: 'Preuve valide / Valid proof',
  warning: 'Avertissement / Warning',
  invalid: 'Preuve invalide / Invalid proof',
};
