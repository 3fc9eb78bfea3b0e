import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { OrganisationKind } from '../domain/organisation-kind';
import { Profession, sharingCategoryOf } from '../domain/profession';
import { Role } from '@relais/access';
import { MembershipStatus } from '../domain/membership-status';
import { TerritorySettings } from '../domain/territory-settings';
import { Cell, Membership, Organisation, Session, Territory, User } from '../entities';
import { SecondFactor } from '../second-factor/entities';
import { SecretBox } from '../second-factor/secret-box';
import { TEST_SECOND_FACTOR_SECRET, testConfig } from '@relais/testing';

/** Test-only password, valid under the policy. */
export const TEST_PASSWORD = 'Essai-Relais-2026!';

const unique = () => randomBytes(4).toString('hex');

/** Writes identity rows straight to the database, each with unique names so tests never collide. */
export class IdentityFactory {
  private readonly hasher = new PasswordHasher();
  private passwordHash?: Promise<string>;

  private box?: SecretBox;

  /**
   * `secondFactorKey` is the key of the api under test (its `config.secondFactor.key`); without it,
   * the run's test configuration's.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { secondFactorKey?: Buffer } = {},
  ) {}

  territory(overrides: { name?: string; settings?: Partial<TerritorySettings> } = {}): Promise<Territory> {
    return this.dataSource.getRepository(Territory).save({
      name: overrides.name ?? `CLSM d'essai ${unique()}`,
      settings: overrides.settings ?? {},
    });
  }

  cell(territory: Territory, name = `Cellule ${unique()}`): Promise<Cell> {
    return this.dataSource.getRepository(Cell).save({ territoryId: territory.id, name });
  }

  organisation(
    territory: Territory,
    kind: OrganisationKind = OrganisationKind.SOCIAL,
    name?: string,
  ): Promise<Organisation> {
    return this.dataSource.getRepository(Organisation).save({
      territoryId: territory.id,
      kind,
      name: name ?? `Partenaire ${unique()}`,
      finess: null,
      siret: null,
    });
  }

  async user(options: {
    territory: Territory;
    organisation?: Organisation;
    profession?: Profession;
    roles?: Role[];
    cell?: Cell;
    status?: MembershipStatus;
    password?: string;
    email?: string;
    firstName?: string;
    lastName?: string;
    /** Enrolled with TEST_SECOND_FACTOR_SECRET unless false (to test the forced enrolment). */
    secondFactor?: boolean;
  }): Promise<User & { password: string }> {
    const organisation = options.organisation ?? (await this.organisation(options.territory));
    const profession = options.profession ?? Profession.SOCIAL_WORKER;
    const password = options.password ?? TEST_PASSWORD;
    const passwordHash =
      password === TEST_PASSWORD
        ? await (this.passwordHash ??= this.hasher.hash(TEST_PASSWORD))
        : await this.hasher.hash(password);
    const user = await this.dataSource.getRepository(User).save({
      territoryId: options.territory.id,
      organisationId: organisation.id,
      email: options.email ?? `pro-${unique()}@essai.relais.test`,
      firstName: options.firstName ?? 'Camille',
      lastName: options.lastName ?? `Essai${unique()}`,
      profession,
      sharingCategory: sharingCategoryOf(profession, organisation.kind),
      passwordHash,
    });
    if (options.roles?.length) {
      await this.dataSource.getRepository(Membership).insert({
        territoryId: options.territory.id,
        userId: user.id,
        roles: options.roles,
        cellId: options.cell?.id ?? null,
        status: options.status ?? MembershipStatus.ACTIVE,
      });
    }
    if (options.secondFactor !== false) await this.enrolSecondFactor(user);
    return Object.assign(user, { password });
  }

  /** The account's authenticator holds `secret` (sealed as the api seals it); no step used yet. */
  async enrolSecondFactor(user: User, secret = TEST_SECOND_FACTOR_SECRET): Promise<void> {
    this.box ??= new SecretBox(this.options.secondFactorKey ?? testConfig().secondFactor.key);
    await this.dataSource.getRepository(SecondFactor).delete({ userId: user.id });
    await this.dataSource.getRepository(SecondFactor).insert({
      territoryId: user.territoryId,
      userId: user.id,
      sealedSecret: this.box.seal(secret, user.id),
      lastAcceptedStep: null,
      enrolledAt: new Date(),
    });
  }

  /** A session row as login would leave it; `ended` and `expiresAt` shape its state. */
  session(
    user: User,
    options: { now: Date; expiresAt: Date; endedAt?: Date; lastSeenAt?: Date },
  ): Promise<Session> {
    return this.dataSource.getRepository(Session).save({
      territoryId: user.territoryId,
      userId: user.id,
      lastSeenAt: options.lastSeenAt ?? options.now,
      expiresAt: options.expiresAt,
      endedAt: options.endedAt ?? null,
      endReason: options.endedAt ? 'LOGOUT' : null,
    });
  }
}
