import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import {
  AccessException,
  AccessService,
  asSubject,
  Role,
  SharingCategory,
  SharingMatrixNarrowing,
  territorySharingMatrix,
  wideningsOf,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { OutboxPayload, writeOutbox } from '@relais/outbox';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Principal } from '@relais/access';
import { IssuedLink, SetPasswordLinks } from '../auth/set-password-links';
import { normalizeEmail } from '../domain/email';
import { isValidFiness, isValidSiret } from '../domain/identifiers';
import { sharingCategoryOf } from '../domain/profession';
import { MembershipStatus } from '../domain/membership-status';
import {
  CreateOrganisationInput,
  CreateUserInput,
  GrantRoleInput,
  MembershipTargetInput,
  RevokeRoleInput,
} from '../dto/admin.input';
import { OrganisationsArgs, TerritoryMembersArgs } from '../dto/directory.args';
import { NarrowSharingMatrixInput, SharingMatrixEntryObject } from '../dto/sharing-matrix.dto';
import { membersCount, membersPage, organisationsPage } from './directory-pages';
import { Cell, Membership, Organisation, Territory, User } from '../entities';
import { IdentityException } from '../identity.exception';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  return (
    error instanceof QueryFailedError &&
    driverError?.code === '23505' &&
    driverError.constraint === constraint
  );
}

/**
 * What a territory administrator does: partners, accounts, roles and suspensions. Each method
 * checks the caller's right itself, so no path can skip it.
 */
@Injectable()
export class IdentityAdminService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly links: SetPasswordLinks,
    private readonly clock: Clock,
  ) {}

  async createOrganisation(actor: Principal, input: CreateOrganisationInput): Promise<Organisation> {
    this.assertCan(actor, 'create', asSubject('Organisation', { territoryId: input.territoryId }));
    const problems = [];
    if (input.finess && !isValidFiness(input.finess)) {
      problems.push({ field: 'finess', message: "Le numéro FINESS n'est pas valide (clé de contrôle)." });
    }
    if (input.siret && !isValidSiret(input.siret)) {
      problems.push({ field: 'siret', message: "Le numéro SIRET n'est pas valide (clé de contrôle)." });
    }
    if (problems.length) throw new IdentityException('INVALID_IDENTIFIER', problems);
    try {
      return await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
        const organisation = await manager.save(
          manager.create(Organisation, {
            territoryId: input.territoryId,
            name: input.name,
            kind: input.kind,
            finess: input.finess ?? null,
            siret: input.siret ?? null,
          }),
        );
        await this.audit.record(manager, {
          territoryId: input.territoryId,
          actor,
          action: 'ORGANISATION_CREATED',
          subject: { type: 'Organisation', id: organisation.id },
          details: { kind: organisation.kind },
        });
        return organisation;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisations_territory_name')) {
        throw new IdentityException('ORGANISATION_NAME_TAKEN');
      }
      throw error;
    }
  }

  /**
   * The account starts without a password: its owner sets one through a one-time link, mailed to
   * them when SMTP is configured, otherwise returned here to be shown once to the administrator.
   */
  async createUser(
    actor: Principal,
    input: CreateUserInput,
  ): Promise<{ user: User; link: IssuedLink | null }> {
    this.assertCan(actor, 'create', asSubject('User', { memberships: [{ territoryId: input.territoryId }] }));
    const email = normalizeEmail(input.email);
    try {
      return await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
        const organisation = await manager.findOneBy(Organisation, {
          id: input.organisationId,
          territoryId: input.territoryId,
        });
        if (!organisation) throw new IdentityException('ORGANISATION_NOT_FOUND');
        if (input.cellId) await this.findCell(manager, input.territoryId, input.cellId);
        // One's own address would hand oneself roles under a second account.
        if (await manager.existsBy(User, { id: actor.userId, email })) {
          throw new IdentityException('OWN_ROLE_GRANT');
        }
        const user = await manager.save(
          manager.create(User, {
            territoryId: input.territoryId,
            organisationId: organisation.id,
            email,
            firstName: input.firstName,
            lastName: input.lastName,
            profession: input.profession,
            sharingCategory: sharingCategoryOf(input.profession, organisation.kind),
            passwordHash: null,
          }),
        );
        const roles = [...new Set(input.roles)];
        const membership = manager.create(Membership, {
          territoryId: input.territoryId,
          userId: user.id,
          roles,
          cellId: input.cellId ?? null,
        });
        await manager.save(membership);
        await this.announceMembership(manager, membership, 'CREATED', organisation.kind);
        await this.audit.record(manager, {
          territoryId: input.territoryId,
          actor,
          action: 'USER_CREATED',
          subject: { type: 'User', id: user.id },
          details: { roles, organisationId: organisation.id, profession: user.profession },
        });
        const link = await this.links.request(manager, {
          user,
          territoryId: input.territoryId,
          issuedByUserId: actor.userId,
          reason: 'ACCOUNT_CREATED',
        });
        return { user, link };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_users_email')) throw new IdentityException('EMAIL_ALREADY_USED');
      throw error;
    }
  }

  /** Grants a role, creating the membership when the user has none in this territory yet. */
  async grantRole(actor: Principal, input: GrantRoleInput): Promise<Membership> {
    this.assertCan(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }));
    this.assertNotOwnAccount(actor, input.userId);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const user = await manager.findOneBy(User, { id: input.userId, territoryId: input.territoryId });
      if (!user) throw new IdentityException('USER_NOT_FOUND');
      if (input.cellId) await this.findCell(manager, input.territoryId, input.cellId);
      if (input.substituteOfUserId === input.userId) throw new IdentityException('SUBSTITUTE_NOT_MEMBER');
      const substituteOfId = input.substituteOfUserId
        ? await this.titularMembershipId(manager, input.territoryId, input.substituteOfUserId)
        : undefined;
      const existing = await this.lockMembership(manager, input.territoryId, input.userId, false);
      const membership =
        existing ??
        manager.create(Membership, { territoryId: input.territoryId, userId: user.id, roles: [] });
      if (!membership.roles.includes(input.role)) membership.roles = [...membership.roles, input.role];
      if (input.cellId) membership.cellId = input.cellId;
      if (substituteOfId) membership.substituteOfId = substituteOfId;
      const saved = await manager.save(membership);
      if (!existing) await this.announceMembership(manager, saved, 'CREATED');
      await this.recordMembershipChange(manager, actor, saved, 'ROLE_GRANTED', { role: input.role });
      return saved;
    });
  }

  async revokeRole(actor: Principal, input: RevokeRoleInput): Promise<Membership> {
    this.assertCan(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }));
    if (input.userId === actor.userId && input.role === Role.TERRITORY_ADMIN) {
      throw new IdentityException('OWN_ACCESS_CHANGE');
    }
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const membership = await this.lockMembership(manager, input.territoryId, input.userId, true);
      if (!membership.roles.includes(input.role)) throw new IdentityException('ROLE_NOT_HELD');
      membership.roles = membership.roles.filter((role) => role !== input.role);
      const saved = await manager.save(membership);
      await this.recordMembershipChange(manager, actor, saved, 'ROLE_REVOKED', { role: input.role });
      return saved;
    });
  }

  /** Takes effect on the user's very next request: every request re-reads memberships. */
  async suspendMembership(actor: Principal, input: MembershipTargetInput): Promise<Membership> {
    this.assertCan(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }));
    if (input.userId === actor.userId) throw new IdentityException('OWN_ACCESS_CHANGE');
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const membership = await this.lockMembership(manager, input.territoryId, input.userId, true);
      if (membership.status === MembershipStatus.SUSPENDED) throw new IdentityException('ALREADY_SUSPENDED');
      membership.status = MembershipStatus.SUSPENDED;
      membership.suspendedAt = this.clock.now();
      const saved = await manager.save(membership);
      await this.recordMembershipChange(manager, actor, saved, 'MEMBERSHIP_SUSPENDED');
      return saved;
    });
  }

  /**
   * The territory narrows who reads what; a widening is refused, naming each one. Takes effect on
   * every member's next request (the principal carries the territory's matrix).
   */
  async narrowSharingMatrix(
    actor: Principal,
    input: NarrowSharingMatrixInput,
  ): Promise<SharingMatrixEntryObject[]> {
    this.assertCan(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }));
    const narrowing: SharingMatrixNarrowing = Object.fromEntries(
      input.entries.map((entry) => [entry.reader, [...new Set(entry.categories)]]),
    );
    const widenings = wideningsOf(narrowing);
    if (widenings.length) {
      throw new IdentityException(
        'SHARING_MATRIX_WIDENED',
        widenings.map((widening) => ({ field: 'entries', message: `Élargissement refusé : ${widening}.` })),
      );
    }
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const territory = await manager.findOneBy(Territory, { id: input.territoryId });
      if (!territory) throw new IdentityException('TERRITORY_NOT_FOUND');
      territory.settings = { ...territory.settings, sharingMatrix: narrowing };
      await manager.save(territory);
      await this.audit.record(manager, {
        territoryId: territory.id,
        actor,
        action: 'SHARING_MATRIX_NARROWED',
        subject: { type: 'Territory', id: territory.id },
        details: { narrowing },
      });
      const matrix = territorySharingMatrix(narrowing);
      return Object.values(SharingCategory).map((reader) => ({ reader, categories: [...matrix[reader]] }));
    });
  }

  async reactivateMembership(actor: Principal, input: MembershipTargetInput): Promise<Membership> {
    this.assertCan(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }));
    // Reactivating gives the roles back.
    this.assertNotOwnAccount(actor, input.userId);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const membership = await this.lockMembership(manager, input.territoryId, input.userId, true);
      if (membership.status !== MembershipStatus.SUSPENDED) throw new IdentityException('NOT_SUSPENDED');
      membership.status = MembershipStatus.ACTIVE;
      membership.suspendedAt = null;
      const saved = await manager.save(membership);
      await this.recordMembershipChange(manager, actor, saved, 'MEMBERSHIP_REACTIVATED');
      return saved;
    });
  }

  /** A page of the territory's partners the caller may read, alphabetical (one row more than asked). */
  listOrganisations(actor: Principal, args: OrganisationsArgs): Promise<Organisation[]> {
    this.access.assertMayAttempt(actor, 'read', 'Organisation');
    return this.database.run({ territoryIds: actor.territoryIds }, (manager) =>
      organisationsPage(manager, this.access, actor, args),
    );
  }

  /**
   * A page of those holding a membership in the territory, with their account, in one query (and
   * how many they are in another); each membership says which of its fields the caller may not read.
   */
  listMembers(
    actor: Principal,
    args: TerritoryMembersArgs,
  ): Promise<{ rows: { membership: Membership; redactedFields: string[] }[]; totalCount: number }> {
    this.access.assertMayAttempt(actor, 'read', 'Membership');
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => ({
      rows: await membersPage(manager, this.access, actor, args),
      totalCount: await membersCount(manager, this.access, actor, args),
    }));
  }

  private assertCan(actor: Principal, action: string, subject: object): void {
    // The caller knows the territory exists (it is one of theirs): a refusal is FORBIDDEN.
    if (!this.access.can(actor, action, subject)) {
      throw new AccessException(actor.hasPendingCharter ? 'CHARTER_NOT_ACCEPTED' : 'FORBIDDEN');
    }
  }

  /**
   * An administrator manages people and partners but reads no situation: granting oneself a
   * working role (coordinator…) would open them, so no mutation that gives roles may target the
   * caller's own account.
   */
  private assertNotOwnAccount(actor: Principal, userId: string): void {
    if (userId === actor.userId) throw new IdentityException('OWN_ROLE_GRANT');
  }

  /** The activity report counts members by partner kind, and who of them accepted the charter. */
  private async announceMembership(
    manager: EntityManager,
    membership: Membership,
    change: OutboxPayload<'membership.changed'>['change'],
    organisationKind?: string,
  ): Promise<void> {
    const kind =
      organisationKind ??
      (
        await manager
          .getRepository(Organisation)
          .createQueryBuilder('organisation')
          .innerJoin(User, 'user', 'user.organisation_id = organisation.id')
          .where('user.id = :userId', { userId: membership.userId })
          .getOne()
      )?.kind ??
      null;
    await writeOutbox(manager, {
      territoryId: membership.territoryId,
      type: 'membership.changed',
      subject: { type: 'Membership', id: membership.id },
      payload: {
        userId: membership.userId,
        organisationKind: kind,
        roles: membership.roles,
        status: membership.status ?? MembershipStatus.ACTIVE,
        change,
      },
      occurredAt: this.clock.now(),
    });
  }

  private async recordMembershipChange(
    manager: EntityManager,
    actor: Principal,
    membership: Membership,
    action: 'ROLE_GRANTED' | 'ROLE_REVOKED' | 'MEMBERSHIP_SUSPENDED' | 'MEMBERSHIP_REACTIVATED',
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.announceMembership(manager, membership, action);
    await this.audit.record(manager, {
      territoryId: membership.territoryId,
      actor,
      action,
      subject: { type: 'Membership', id: membership.id },
      details: { ...details, userId: membership.userId },
    });
    // A follow-up team loses a member when access shrinks: the contexts that care react to it.
    if (action === 'MEMBERSHIP_SUSPENDED' || action === 'ROLE_REVOKED') {
      await writeOutbox(manager, {
        territoryId: membership.territoryId,
        type: 'membership.access_reduced',
        subject: { type: 'Membership', id: membership.id },
        payload: { userId: membership.userId, change: action },
        occurredAt: this.clock.now(),
      });
    }
  }

  private async findCell(manager: EntityManager, territoryId: string, cellId: string): Promise<Cell> {
    const cell = await manager.findOneBy(Cell, { id: cellId, territoryId });
    if (!cell) throw new IdentityException('CELL_NOT_FOUND');
    return cell;
  }

  private async titularMembershipId(
    manager: EntityManager,
    territoryId: string,
    userId: string,
  ): Promise<string> {
    const titular = await manager.findOneBy(Membership, { territoryId, userId });
    if (!titular) throw new IdentityException('SUBSTITUTE_NOT_MEMBER');
    return titular.id;
  }

  private lockMembership(
    manager: EntityManager,
    territoryId: string,
    userId: string,
    required: true,
  ): Promise<Membership>;
  private lockMembership(
    manager: EntityManager,
    territoryId: string,
    userId: string,
    required: false,
  ): Promise<Membership | null>;
  private async lockMembership(
    manager: EntityManager,
    territoryId: string,
    userId: string,
    required: boolean,
  ) {
    const membership = await manager.findOne(Membership, {
      where: { territoryId, userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!membership && required) throw new IdentityException('MEMBERSHIP_NOT_FOUND');
    return membership;
  }
}
