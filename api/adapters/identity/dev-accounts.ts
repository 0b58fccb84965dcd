import { demoOffice, secondDemoOffice } from '../../db/seed/catalogue.js';
import type { ProfessionalIdentity } from '../../ports/identity-provider.js';

export interface DevAccount extends ProfessionalIdentity {
  officeName: string;
  /** Shown on the dev login page: why this account is there. */
  note: string;
}

/**
 * The people the dev identity provider knows: the guide's office (Caroline Pallut, notary; Julien Moreau,
 * collaborator, both seeded as active members), a collaborator who is not a member yet (her first login
 * creates a pending member for Caroline to approve), and the notary of a second office for isolation.
 */
export const devAccounts: DevAccount[] = [
  ...demoOffice.members.map((m) => ({
    ...m,
    subject: m.idnotSubject,
    crpcen: demoOffice.crpcen,
    officeName: demoOffice.name,
    note: m.role === 'notary' ? 'Notaire, membre actif' : 'Collaborateur, membre actif',
  })),
  {
    subject: 'LMlm35026',
    firstName: 'Léa',
    lastName: 'Martin',
    email: 'l.martin.35026@notaires.fr',
    role: 'collaborator',
    crpcen: demoOffice.crpcen,
    officeName: demoOffice.name,
    note: 'Collaboratrice, pas encore membre : sa première connexion attend l’approbation du notaire',
  },
  ...secondDemoOffice.members.map((m) => ({
    ...m,
    subject: m.idnotSubject,
    crpcen: secondDemoOffice.crpcen,
    officeName: secondDemoOffice.name,
    note: 'Notaire d’un autre office (isolation)',
  })),
  {
    subject: 'XXxx99999',
    firstName: 'Camille',
    lastName: 'Inconnue',
    email: 'c.inconnue.99999@notaires.fr',
    role: 'notary',
    crpcen: '99999',
    officeName: 'Office non inscrit à LeCoffre',
    note: 'Office inconnu de LeCoffre : la connexion est refusée',
  },
];
