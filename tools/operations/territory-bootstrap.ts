/**
 * A new CLSM on this installation: its territory, its complex-situation cell, the organisation that
 * employs its first administrator, that administrator's account (no password: a one-time link) and
 * membership (TERRITORY_ADMIN alone: it manages partners and accounts and reads no situation; the
 * coordination is then created from the application). Run as the schema owner: no territory exists
 * yet for row-level security to open, and an address must be unique across every territory.
 */
import { Role } from '@relais/access';
import { AuditService } from '@relais/audit';
import {
  Cell,
  IssuedLink,
  Membership,
  MembershipStatus,
  Organisation,
  OrganisationKind,
  Profession,
  SetPasswordLinks,
  sharingCategoryOf,
  Territory,
  User,
} from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { Clock } from '@relais/config';
import { DataSource, EntityManager } from 'typeorm';
import { CommandError, EXIT } from './command';

export const CELL_NAME = 'Cellule de situations complexes';
/** Said in the audit events it writes: no person acted, this command did. */
const SOURCE = 'territory:create';

export interface TerritoryRequest {
  readonly name: string;
  readonly adminEmail: string;
  readonly adminFirstName: string;
  readonly adminLastName: string;
  /** The organisation employing the administrator; the territory's name when not given. */
  readonly organisationName: string;
}

export type TerritoryOutcome =
  | {
      readonly kind: 'created';
      readonly territory: Territory;
      readonly cell: Cell;
      readonly organisation: Organisation;
      readonly administrator: User;
      readonly link: IssuedLink;
    }
  | {
      readonly kind: 'exists';
      readonly territory: Territory;
      readonly administrator: User;
      /** A fresh link when the administrator never set a password; null when they did. */
      readonly link: IssuedLink | null;
    };

export interface BootstrapServices {
  readonly links: SetPasswordLinks;
  readonly audit: AuditService;
  readonly clock: Clock;
}

export async function bootstrapTerritory(
  dataSource: DataSource,
  services: BootstrapServices,
  request: TerritoryRequest,
): Promise<TerritoryOutcome> {
  return dataSource.transaction(async (manager) => {
    // Two operators creating at once: one creates, the other finds it.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SOURCE]);
    const [territory] = await manager
      .createQueryBuilder(Territory, 'territory')
      .where('lower(territory.name) = lower(:name)', { name: request.name })
      .getMany();
    const user = await manager.findOneBy(User, { email: request.adminEmail });
    if (territory) return existing(manager, services, territory, user, request);
    if (user)
      throw new CommandError(
        `L'adresse ${request.adminEmail} est déjà celle d'un compte d'un autre territoire : rien n'est créé. ` +
          `Donnez une autre adresse à l'administrateur·rice de « ${request.name} ».`,
        EXIT.DATA,
      );
    return create(manager, services, request);
  });
}

async function existing(
  manager: EntityManager,
  services: BootstrapServices,
  territory: Territory,
  user: User | null,
  request: TerritoryRequest,
): Promise<TerritoryOutcome> {
  const membership = user
    ? await manager.findOneBy(Membership, { territoryId: territory.id, userId: user.id })
    : null;
  if (!user || !membership?.roles.includes(Role.TERRITORY_ADMIN)) {
    throw new CommandError(
      `Le territoire « ${territory.name} » existe déjà et ${request.adminEmail} n'en est pas ` +
        `administrateur·rice : rien n'est créé. Un·e administrateur·rice du territoire ajoute les ` +
        `comptes depuis l'application.`,
      EXIT.DATA,
    );
  }
  const [{ has_password: hasPassword }] = (await manager.query(
    'SELECT password_hash IS NOT NULL AS has_password FROM users WHERE id = $1',
    [user.id],
  )) as { has_password: boolean }[];
  if (hasPassword) return { kind: 'exists', territory, administrator: user, link: null };
  // The first link was lost or has expired: a new one replaces it (the former stops working).
  const link = await services.links.issue(manager, user, null, { forMail: true });
  await services.audit.record(manager, {
    territoryId: territory.id,
    action: 'SECURITY_PASSWORD_RESET',
    subject: { type: 'User', id: user.id },
    details: { source: SOURCE, mailed: false },
  });
  return { kind: 'exists', territory, administrator: user, link };
}

async function create(
  manager: EntityManager,
  services: BootstrapServices,
  request: TerritoryRequest,
): Promise<TerritoryOutcome> {
  const territory = await manager.save(manager.create(Territory, { name: request.name, settings: {} }));
  const cell = await manager.save(manager.create(Cell, { territoryId: territory.id, name: CELL_NAME }));
  const organisation = await manager.save(
    manager.create(Organisation, {
      territoryId: territory.id,
      name: request.organisationName,
      // A CLSM is usually carried by its town; the administration can create the other partners.
      kind: OrganisationKind.MUNICIPAL,
      finess: null,
      siret: null,
    }),
  );
  const administrator = await manager.save(
    manager.create(User, {
      territoryId: territory.id,
      organisationId: organisation.id,
      email: request.adminEmail,
      firstName: request.adminFirstName,
      lastName: request.adminLastName,
      profession: Profession.ADMINISTRATIVE_STAFF,
      sharingCategory: sharingCategoryOf(Profession.ADMINISTRATIVE_STAFF, organisation.kind),
      passwordHash: null,
    }),
  );
  const roles = [Role.TERRITORY_ADMIN];
  const membership = await manager.save(
    manager.create(Membership, { territoryId: territory.id, userId: administrator.id, roles, cellId: null }),
  );
  // The same event an administrator's createUser writes, for the contexts that follow memberships.
  await writeOutbox(manager, {
    territoryId: territory.id,
    type: 'membership.changed',
    subject: { type: 'Membership', id: membership.id },
    payload: {
      userId: administrator.id,
      organisationKind: organisation.kind,
      roles,
      status: MembershipStatus.ACTIVE,
      change: 'CREATED',
    },
    occurredAt: services.clock.now(),
  });
  await services.audit.record(manager, {
    territoryId: territory.id,
    action: 'TERRITORY_CREATED',
    subject: { type: 'Territory', id: territory.id },
    details: { source: SOURCE, cellId: cell.id, organisationId: organisation.id },
  });
  await services.audit.record(manager, {
    territoryId: territory.id,
    action: 'USER_CREATED',
    subject: { type: 'User', id: administrator.id },
    details: { source: SOURCE, roles, organisationId: organisation.id, profession: administrator.profession },
  });
  const link = await services.links.issue(manager, administrator, null, { forMail: true });
  return { kind: 'created', territory, cell, organisation, administrator, link };
}
