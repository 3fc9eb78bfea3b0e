import { DataSource, EntityManager, In } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { OrganisationKind } from '../domain/organisation-kind';
import { Profession, sharingCategoryOf } from '../domain/profession';
import { Role } from '@relais/access';
import { Cell, Membership, Organisation, Territory, User } from '../entities';
import { SecondFactor } from '../second-factor/entities';
import { SecretBox } from '../second-factor/secret-box';

export const DEMO_TERRITORY_NAME = 'CLSM de Démonstration';

/**
 * DEMO ONLY — printed at start-up; never use it outside the demonstration territory. Passes the
 * password policy for every demo account (none of their names is in it).
 */
export const DEMO_PASSWORD = 'Relais-Demo-2026!';

/**
 * DEMO ONLY — the authenticator secret of every demo account, printed at start-up so that anyone
 * trying Relais can add it to an authenticator application (or compute its codes). A real account
 * enrols its own secret at its first sign-in; never use this one outside the demonstration territory.
 */
// Base32 of the ASCII "Relais-demo-only-2FA".
export const DEMO_SECOND_FACTOR_SECRET = 'KJSWYYLJOMWWIZLNN4WW63TMPEWTERSB';

interface DemoPartner {
  key: string;
  name: string;
  kind: OrganisationKind;
  finess?: string;
  siret?: string;
}

const PARTNERS: DemoPartner[] = [
  {
    key: 'town',
    name: 'Ville de Démoville — Conseil local de santé mentale',
    kind: OrganisationKind.MUNICIPAL,
  },
  {
    key: 'landlord',
    name: 'Habitat Solidaire (bailleur social)',
    kind: OrganisationKind.HOUSING,
    siret: '73282932000074',
  },
  { key: 'ccas', name: 'CCAS de Démoville', kind: OrganisationKind.SOCIAL },
  {
    key: 'cmp',
    name: 'CMP adultes — secteur psychiatrique Démoville Nord',
    kind: OrganisationKind.PSYCHIATRY,
    finess: '590000766',
  },
  {
    key: 'logipsy',
    name: "Association Trait d'Union — équipe d'accompagnement logement-psychiatrie",
    kind: OrganisationKind.ASSOCIATION,
  },
  { key: 'savs', name: 'SAVS Les Tilleuls', kind: OrganisationKind.MEDICO_SOCIAL },
];

export interface DemoAccount {
  email: string;
  label: string;
  firstName: string;
  lastName: string;
  profession: Profession;
  partner: string;
  roles: Role[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'coordination@demo.relais.test',
    label: 'Coordinatrice du CLSM',
    firstName: 'Claire',
    lastName: 'Morel',
    profession: Profession.CLSM_COORDINATOR,
    partner: 'town',
    roles: [Role.COORDINATOR, Role.CELL_MEMBER],
  },
  {
    email: 'bailleur@demo.relais.test',
    label: 'Chargé de gestion locative (bailleur)',
    firstName: 'Karim',
    lastName: 'Benali',
    profession: Profession.HOUSING_OFFICER,
    partner: 'landlord',
    roles: [Role.REFERRER, Role.CELL_MEMBER],
  },
  {
    email: 'ccas@demo.relais.test',
    label: 'Assistante sociale (CCAS)',
    firstName: 'Sophie',
    lastName: 'Lefebvre',
    profession: Profession.SOCIAL_WORKER,
    partner: 'ccas',
    roles: [Role.REFERRER, Role.CELL_MEMBER],
  },
  {
    email: 'infirmier@demo.relais.test',
    label: 'Infirmier en psychiatrie (CMP)',
    firstName: 'Julien',
    lastName: 'Caron',
    profession: Profession.PSYCHIATRIC_NURSE,
    partner: 'cmp',
    roles: [Role.CELL_MEMBER, Role.FOLLOWUP_PRACTITIONER],
  },
  {
    email: 'psychiatre@demo.relais.test',
    label: 'Psychiatre (CMP)',
    firstName: 'Nadia',
    lastName: 'Haddad',
    profession: Profession.PSYCHIATRIST,
    partner: 'cmp',
    roles: [Role.CELL_MEMBER, Role.REFERRER],
  },
  {
    email: 'educateur@demo.relais.test',
    label: 'Éducateur spécialisé (accompagnement)',
    firstName: 'Thomas',
    lastName: 'Dupont',
    profession: Profession.SPECIALISED_EDUCATOR,
    partner: 'logipsy',
    roles: [Role.FOLLOWUP_PRACTITIONER],
  },
  {
    email: 'tisf@demo.relais.test',
    label: 'TISF (accompagnement)',
    firstName: 'Aïcha',
    lastName: 'Diallo',
    profession: Profession.FAMILY_SOCIAL_WORKER,
    partner: 'logipsy',
    roles: [Role.FOLLOWUP_PRACTITIONER],
  },
  {
    email: 'admin@demo.relais.test',
    label: 'Administrateur du territoire',
    firstName: 'Marc',
    lastName: 'Lambert',
    profession: Profession.ADMINISTRATIVE_STAFF,
    partner: 'town',
    roles: [Role.TERRITORY_ADMIN],
  },
  {
    email: 'audit@demo.relais.test',
    label: 'Auditrice',
    firstName: 'Hélène',
    lastName: 'Roussel',
    profession: Profession.ADMINISTRATIVE_STAFF,
    partner: 'town',
    roles: [Role.AUDITOR],
  },
  {
    email: 'pilotage@demo.relais.test',
    label: 'Comité de pilotage (bilan d’activité)',
    firstName: 'Louis',
    lastName: 'Garnier',
    profession: Profession.ADMINISTRATIVE_STAFF,
    partner: 'town',
    roles: [Role.STEERING],
  },
];

/**
 * Creates the demonstration territory once; later runs find it and change nothing, except that a
 * demo account without a second factor (a territory seeded before they existed, or one reset) is
 * enrolled again with the demo secret, sealed under this installation's key.
 */
export async function seedDemoTerritory(
  dataSource: DataSource,
  hasher: PasswordHasher,
  secondFactorKey: Buffer,
): Promise<{ created: boolean }> {
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  const box = new SecretBox(secondFactorKey);
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent seeders (two processes starting at once).
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DEMO_TERRITORY_NAME]);
    const existing = await manager.findOneBy(Territory, { name: DEMO_TERRITORY_NAME });
    if (existing) {
      const accounts = await manager.find(User, {
        where: { territoryId: existing.id, email: In(DEMO_ACCOUNTS.map((account) => account.email)) },
      });
      for (const user of accounts) await enrolDemoSecondFactor(manager, box, user, false);
      return { created: false };
    }
    const territory = await manager.save(
      manager.create(Territory, { name: DEMO_TERRITORY_NAME, settings: {} }),
    );
    const cell = await manager.save(
      manager.create(Cell, { territoryId: territory.id, name: 'Cellule de situations complexes' }),
    );
    const organisations = new Map<string, Organisation>();
    for (const partner of PARTNERS) {
      organisations.set(
        partner.key,
        await manager.save(
          manager.create(Organisation, {
            territoryId: territory.id,
            name: partner.name,
            kind: partner.kind,
            finess: partner.finess ?? null,
            siret: partner.siret ?? null,
          }),
        ),
      );
    }
    for (const account of DEMO_ACCOUNTS) {
      const organisation = organisations.get(account.partner)!;
      const user = await manager.save(
        manager.create(User, {
          territoryId: territory.id,
          organisationId: organisation.id,
          email: account.email,
          firstName: account.firstName,
          lastName: account.lastName,
          profession: account.profession,
          sharingCategory: sharingCategoryOf(account.profession, organisation.kind),
          passwordHash,
        }),
      );
      const inCell = account.roles.some((role) => role === Role.CELL_MEMBER || role === Role.COORDINATOR);
      await manager.insert(Membership, {
        territoryId: territory.id,
        userId: user.id,
        roles: account.roles,
        cellId: inCell ? cell.id : null,
      });
      await enrolDemoSecondFactor(manager, box, user, true);
    }
    return { created: true };
  });
}

async function enrolDemoSecondFactor(
  manager: EntityManager,
  box: SecretBox,
  user: User,
  isNew: boolean,
): Promise<void> {
  if (!isNew && (await manager.existsBy(SecondFactor, { userId: user.id }))) return;
  await manager.insert(SecondFactor, {
    territoryId: user.territoryId,
    userId: user.id,
    sealedSecret: box.seal(DEMO_SECOND_FACTOR_SECRET, user.id),
    lastAcceptedStep: null,
    enrolledAt: new Date(),
  });
}
