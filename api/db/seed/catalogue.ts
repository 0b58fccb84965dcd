/**
 * The global catalogue, from the product guide (shared/seed, parts I.4 "Demande de document" and its
 * "Ajouter des documents demandables" list). Reviewed like code: a label here is what a client reads.
 * Codes are stable identifiers (API, webhooks); labels may be reworded without breaking anyone.
 */
export interface CatalogueDocumentType {
  code: string;
  label: string;
  labelEn: string;
  /** The guide's (i) tooltip: what exactly the client must send. */
  description?: string;
}

export interface CatalogueDeedType {
  code: string;
  label: string;
  labelEn: string;
  /** Document codes pre-listed in "Demander des documents" for this deed type, in display order. */
  suggested: string[];
}

export const documentTypes: CatalogueDocumentType[] = [
  {
    code: 'autres-documents',
    label: 'Autres documents',
    labelEn: 'Other documents',
    description: 'Tout autre document utile au dossier, à préciser par votre notaire.',
  },
  { code: 'avis-imposition-n-1', label: "Avis d'imposition N-1", labelEn: 'Tax notice (last year)' },
  { code: 'avis-imposition-n-2', label: "Avis d'imposition N-2", labelEn: 'Tax notice (two years ago)' },
  { code: 'bilan-comptable', label: 'Bilan comptable', labelEn: 'Balance sheet' },
  {
    code: 'cni-recto-verso',
    label: "Carte Nationale d'Identité recto-verso",
    labelEn: 'National identity card (both sides)',
    description: 'Le recto et le verso, lisibles, en cours de validité.',
  },
  { code: 'contrat-de-travail', label: 'Contrat de travail', labelEn: 'Employment contract' },
  { code: 'regularisations-de-charges', label: 'Dernières régularisations de charges', labelEn: 'Latest service charge statements' },
  { code: 'dpe', label: 'Diagnostic de Performance Energétique (DPE)', labelEn: 'Energy performance certificate (DPE)' },
  { code: 'justificatif-de-domicile', label: 'Justificatif de domicile', labelEn: 'Proof of address' },
  { code: 'livret-de-famille', label: 'Livret de famille', labelEn: 'Family record book' },
  { code: 'rib-date-signe', label: 'RIB daté et signé', labelEn: 'Bank details (dated and signed)' },
  { code: 'taxe-fonciere', label: 'Taxe foncière', labelEn: 'Property tax notice' },
  { code: 'titre-de-propriete', label: 'Titre de propriété des biens', labelEn: 'Title deed of the property' },
  { code: 'bulletins-de-salaire', label: 'Trois derniers bulletins de salaire', labelEn: 'Last three payslips' },
  {
    code: 'quittances-de-loyer',
    label: "Trois dernières quittances de loyers ou attestation d'hébergement",
    labelEn: 'Last three rent receipts or proof of accommodation',
  },
  { code: 'accord-de-pret', label: 'Accord de prêt', labelEn: 'Loan agreement' },
  { code: 'actes-de-donation', label: 'Actes de donation', labelEn: 'Deeds of gift' },
  { code: 'actes-de-succession', label: 'Actes de succession', labelEn: 'Deeds of succession' },
  { code: 'actes-de-vente', label: 'Actes de vente de biens', labelEn: 'Deeds of sale' },
  { code: 'amiante', label: 'Amiante', labelEn: 'Asbestos survey' },
  { code: 'assurance-decennale', label: 'Assurance décennale', labelEn: 'Ten-year building insurance' },
  { code: 'attestation-non-opposition', label: 'Attestation de non opposition', labelEn: 'Certificate of non-opposition' },
  {
    code: 'attestation-depot-permis-construire',
    label: 'Attestation dépôt de permis de construire',
    labelEn: 'Building permit filing certificate',
  },
];

const identity = ['cni-recto-verso', 'justificatif-de-domicile', 'livret-de-famille'];

export const deedTypes: CatalogueDeedType[] = [
  {
    code: 'bail-habitation',
    label: "Bail d'habitation",
    labelEn: 'Residential lease',
    suggested: [
      'autres-documents',
      'avis-imposition-n-1',
      'avis-imposition-n-2',
      'bilan-comptable',
      'cni-recto-verso',
      'contrat-de-travail',
      'regularisations-de-charges',
      'dpe',
      'justificatif-de-domicile',
      'livret-de-famille',
      'rib-date-signe',
      'taxe-fonciere',
      'titre-de-propriete',
      'bulletins-de-salaire',
      'quittances-de-loyer',
    ],
  },
  {
    code: 'vente',
    label: 'Vente',
    labelEn: 'Sale',
    suggested: [
      ...identity,
      'rib-date-signe',
      'titre-de-propriete',
      'taxe-fonciere',
      'dpe',
      'amiante',
      'regularisations-de-charges',
      'accord-de-pret',
      'attestation-depot-permis-construire',
      'assurance-decennale',
      'autres-documents',
    ],
  },
  {
    code: 'succession',
    label: 'Succession',
    labelEn: 'Succession',
    suggested: [
      ...identity,
      'rib-date-signe',
      'avis-imposition-n-1',
      'avis-imposition-n-2',
      'titre-de-propriete',
      'taxe-fonciere',
      'actes-de-donation',
      'actes-de-succession',
      'autres-documents',
    ],
  },
  {
    code: 'donation',
    label: 'Donation',
    labelEn: 'Gift',
    suggested: [...identity, 'rib-date-signe', 'titre-de-propriete', 'actes-de-donation', 'avis-imposition-n-1', 'autres-documents'],
  },
  {
    code: 'bail-commercial',
    label: 'Bail commercial',
    labelEn: 'Commercial lease',
    suggested: [
      'cni-recto-verso',
      'bilan-comptable',
      'rib-date-signe',
      'titre-de-propriete',
      'dpe',
      'amiante',
      'assurance-decennale',
      'autres-documents',
    ],
  },
  {
    code: 'pret',
    label: 'Prêt immobilier',
    labelEn: 'Mortgage loan',
    suggested: [
      ...identity,
      'accord-de-pret',
      'avis-imposition-n-1',
      'avis-imposition-n-2',
      'bulletins-de-salaire',
      'contrat-de-travail',
      'rib-date-signe',
      'autres-documents',
    ],
  },
  {
    code: 'contrat-de-mariage',
    label: 'Contrat de mariage',
    labelEn: 'Marriage contract',
    suggested: [...identity, 'titre-de-propriete', 'autres-documents'],
  },
  {
    code: 'autre',
    label: 'Autre acte',
    labelEn: 'Other deed',
    suggested: ['cni-recto-verso', 'justificatif-de-domicile', 'rib-date-signe', 'autres-documents'],
  },
];

/** The guide's demo office and its people (embedded mode only). */
export const demoOffice = {
  name: 'SELAS AP NOTAIRES',
  crpcen: '35026',
  address: '1 place du Parlement de Bretagne, 35000 Rennes',
  members: [
    { firstName: 'Caroline', lastName: 'Pallut', email: 'c.pallut.35026@notaires.fr', role: 'notary', idnotSubject: 'APap35026' },
    { firstName: 'Julien', lastName: 'Moreau', email: 'j.moreau.35026@notaires.fr', role: 'collaborator', idnotSubject: 'JMjm35026' },
  ],
} as const;

/**
 * A second office (embedded mode only), so that isolation shows: its notary signs in through the dev
 * identity provider and sees nothing of SELAS AP NOTAIRES. The guide's client page names this office.
 */
export const secondDemoOffice = {
  name: 'SCP CAROLINE BRISSON ET VINCENT VILLECOURT',
  crpcen: '44999',
  address: '12 quai de la Fosse, 44000 Nantes',
  members: [
    { firstName: 'Vincent', lastName: 'Villecourt', email: 'v.villecourt.44999@notaires.fr', role: 'notary', idnotSubject: 'VVvv44999' },
  ],
} as const;
