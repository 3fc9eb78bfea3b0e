import {
  AccessService,
  ActiveMembership,
  compileCondition,
  Principal,
  Role,
  SharingCategory,
  UnsupportedConditionError,
  validatePolicies,
} from '@relais/access';
import { AUDIT_ENTITIES } from '@relais/audit';
import { dataSourceOptions } from '@relais/database';
import { ownerDatabase } from '@relais/testing';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { MembershipStatus } from './domain/membership-status';
import { IDENTITY_ENTITIES, Membership, Organisation, Territory, User } from './entities';
// Imported for its side effect: it registers the identity policy, as the api does at boot.
import './identity.module';
import { IdentityFactory } from './testing';

type Subject = 'Organisation' | 'User' | 'Membership';
const ACTIONS = ['read', 'create', 'update'] as const;
const SUBJECTS: Subject[] = ['Organisation', 'User', 'Membership'];
const ENTITIES = { Organisation, User, Membership };

/**
 * One rule, two evaluations: for a matrix of principals, actions and subjects, the rows the
 * compiled SQL returns are exactly the rows `can()` accepts once loaded.
 */
describe('identity policy: SQL and memory agree', () => {
  let dataSource: DataSource;
  let access: AccessService;
  let a: Territory;
  let b: Territory;
  const usersByRole = {} as Record<Role, User>;
  const membershipOf = new Map<string, Membership>();
  let inBoth: User;
  let onlyB: User;
  let adminOfB: User;
  let suspended: User;
  let principals: Record<string, Principal>;

  const seededTerritories = () => [a.id, b.id];

  beforeAll(async () => {
    // `createRelaisDataSource` lives in persistence, which depends on identity: the same entities,
    // listed here. Audit's are needed because identity imports audit, which registers its policy.
    dataSource = await new DataSource(
      dataSourceOptions(ownerDatabase(), [...IDENTITY_ENTITIES, ...AUDIT_ENTITIES], 'relais-test-parity'),
    ).initialize();
    access = new AccessService(dataSource);
    const factory = new IdentityFactory(dataSource);
    [a, b] = await Promise.all([factory.territory(), factory.territory()]);
    await factory.organisation(a);
    await factory.organisation(b);

    for (const role of Object.values(Role)) {
      usersByRole[role] = await factory.user({ territory: a, roles: [role] });
    }
    // Account created in B, then given a role in A too: visible from A only through the relation.
    inBoth = await factory.user({ territory: b, roles: [Role.REFERRER] });
    await dataSource
      .getRepository(Membership)
      .insert({ territoryId: a.id, userId: inBoth.id, roles: [Role.CELL_MEMBER] });
    onlyB = await factory.user({ territory: b, roles: [Role.FOLLOWUP_PRACTITIONER] });
    adminOfB = await factory.user({ territory: b, roles: [Role.TERRITORY_ADMIN] });
    suspended = await factory.user({
      territory: a,
      roles: [Role.CELL_MEMBER],
      status: MembershipStatus.SUSPENDED,
    });

    const memberships = await dataSource
      .getRepository(Membership)
      .findBy({ territoryId: In(seededTerritories()) });
    for (const membership of memberships) {
      membershipOf.set(`${membership.userId}:${membership.territoryId}`, membership);
    }

    const active = (user: User, territory: Territory, charterAccepted = true): ActiveMembership => {
      const membership = membershipOf.get(`${user.id}:${territory.id}`)!;
      return {
        id: membership.id,
        territoryId: territory.id,
        roles: membership.roles,
        cellId: null,
        charterAccepted,
      };
    };
    const principal = (user: User, memberships: ActiveMembership[]) =>
      new Principal(user.id, user.id, user.organisationId, SharingCategory.SOCIAL_MEDICOSOCIAL, memberships);

    principals = {
      ...Object.fromEntries(
        Object.values(Role).map((role) => [
          `${role} of A`,
          principal(usersByRole[role], [active(usersByRole[role], a)]),
        ]),
      ),
      'TERRITORY_ADMIN of A, charter pending': principal(usersByRole.TERRITORY_ADMIN, [
        active(usersByRole.TERRITORY_ADMIN, a, false),
      ]),
      'CELL_MEMBER of A and REFERRER of B': principal(inBoth, [active(inBoth, a), active(inBoth, b)]),
      'FOLLOWUP_PRACTITIONER of B': principal(onlyB, [active(onlyB, b)]),
      'TERRITORY_ADMIN of B': principal(adminOfB, [active(adminOfB, b)]),
      'no membership': principal(onlyB, []),
    };
  });
  afterAll(() => dataSource.destroy());

  /** Restricted to the seeded territories, so that rows other tests write do not matter. */
  const scoped = <T extends ObjectLiteral>(subject: Subject) => {
    const query = dataSource
      .getRepository<T>(ENTITIES[subject])
      .createQueryBuilder('row')
      .where('row.territoryId IN (:...seeded)', { seeded: seededTerritories() });
    return subject === 'User' ? query.leftJoinAndSelect('row.memberships', 'membership') : query;
  };

  const visibleInSql = async (principal: Principal, action: string, subject: Subject) => {
    const rows = await access
      .accessibleBy(
        dataSource.getRepository<ObjectLiteral>(ENTITIES[subject]).createQueryBuilder('row'),
        principal,
        action,
        subject,
      )
      .andWhere('row.territoryId IN (:...seeded)', { seeded: seededTerritories() })
      .getMany();
    return rows.map((row) => row.id as string).sort();
  };

  const visibleInMemory = async (principal: Principal, action: string, subject: Subject) => {
    const rows = await scoped(subject).getMany();
    return rows
      .filter((row) => access.can(principal, action, row))
      .map((row) => row.id as string)
      .sort();
  };

  const cases = () =>
    Object.keys(principals).flatMap((name) =>
      ACTIONS.flatMap((action) => SUBJECTS.map((subject) => ({ name, action, subject }))),
    );

  it('returns the same rows in SQL as in memory, for every principal, action and subject', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    let nonEmpty = 0;
    for (const { name, action, subject } of cases()) {
      const principal = principals[name];
      const [sql, memory] = await Promise.all([
        visibleInSql(principal, action, subject),
        visibleInMemory(principal, action, subject),
      ]);
      compared += 1;
      if (memory.length) nonEmpty += 1;
      if (JSON.stringify(sql) !== JSON.stringify(memory)) {
        mismatches.push(
          `${name} ${action} ${subject}: SQL ${JSON.stringify(sql)} / mémoire ${JSON.stringify(memory)}`,
        );
      }
    }
    expect(compared).toBe(Object.keys(principals).length * ACTIONS.length * SUBJECTS.length);
    expect(mismatches).toEqual([]);
    // Guards against agreeing only on empty sets.
    expect(nonEmpty).toBeGreaterThan(compared / 4);
  });

  describe('absolute expectations', () => {
    const idsOf = async (subject: Subject, where: (row: ObjectLiteral) => boolean) =>
      (await scoped(subject).getMany())
        .filter(where)
        .map((row) => row.id as string)
        .sort();

    it('lets the admin of A read every organisation of A and none of B', async () => {
      const visible = await visibleInSql(principals['TERRITORY_ADMIN of A'], 'read', 'Organisation');
      expect(visible).toEqual(await idsOf('Organisation', (row) => row.territoryId === a.id));
      expect(visible.length).toBeGreaterThan(Object.values(Role).length);
      const ofB = await idsOf('Organisation', (row) => row.territoryId === b.id);
      expect(ofB.length).toBeGreaterThan(0);
      expect(visible.filter((id) => ofB.includes(id))).toEqual([]);
      expect(await visibleInSql(principals['TERRITORY_ADMIN of A'], 'create', 'Organisation')).toEqual(
        visible,
      );
    });

    it("lets a cell member of A read A's accounts through their memberships, wherever they were created", async () => {
      const visible = await visibleInSql(principals['CELL_MEMBER of A'], 'read', 'User');
      expect(visible).toEqual(
        await idsOf('User', (row) =>
          (row as User).memberships!.some((membership) => membership.territoryId === a.id),
        ),
      );
      expect(visible).toContain(inBoth.id);
      // A suspended membership still places the account in A's directory.
      expect(visible).toContain(suspended.id);
      expect(visible).not.toContain(onlyB.id);
      expect(visible).not.toContain(adminOfB.id);
      expect(await visibleInSql(principals['CELL_MEMBER of A'], 'create', 'User')).toEqual([]);
    });

    it('gives an auditor no organisation, no membership and only its own account', async () => {
      const auditor = principals['AUDITOR of A'];
      expect(await visibleInSql(auditor, 'read', 'Organisation')).toEqual([]);
      expect(await visibleInSql(auditor, 'read', 'Membership')).toEqual([]);
      expect(await visibleInSql(auditor, 'read', 'User')).toEqual([usersByRole.AUDITOR.id]);
    });

    it('gives a principal whose charter is pending only its own account', async () => {
      const pending = principals['TERRITORY_ADMIN of A, charter pending'];
      expect(await visibleInSql(pending, 'read', 'User')).toEqual([usersByRole.TERRITORY_ADMIN.id]);
      for (const subject of ['Organisation', 'Membership'] as const) {
        for (const action of ACTIONS) expect(await visibleInSql(pending, action, subject)).toEqual([]);
      }
    });

    it('lets only the administrator update memberships, in its own territory', async () => {
      const ofA = await idsOf('Membership', (row) => row.territoryId === a.id);
      const ofB = await idsOf('Membership', (row) => row.territoryId === b.id);
      expect(await visibleInSql(principals['TERRITORY_ADMIN of A'], 'update', 'Membership')).toEqual(ofA);
      expect(await visibleInSql(principals['TERRITORY_ADMIN of B'], 'update', 'Membership')).toEqual(ofB);
      expect(await visibleInSql(principals['COORDINATOR of A'], 'update', 'Membership')).toEqual([]);
      // A directory role in each territory opens both directories, and no administration.
      expect(
        await visibleInSql(principals['CELL_MEMBER of A and REFERRER of B'], 'read', 'Membership'),
      ).toEqual([...ofA, ...ofB].sort());
      expect(
        await visibleInSql(principals['CELL_MEMBER of A and REFERRER of B'], 'update', 'Membership'),
      ).toEqual([]);
    });

    it('hides status and suspension from members but not from the administrator', async () => {
      const row = membershipOf.get(`${suspended.id}:${a.id}`)!;
      // The field lists of the rules that grant the row: the directory's leaves the status out.
      const fieldLists = (name: string) =>
        access
          .rowAccessOn(principals[name], 'read', row)!
          .grants.map((grant) => grant.fields && [...grant.fields]);
      const member = fieldLists('CELL_MEMBER of A');
      expect(member.length).toBeGreaterThan(0);
      for (const fields of member) {
        expect(fields).toEqual(expect.arrayContaining(['roles']));
        expect(fields).not.toContain('status');
        expect(fields).not.toContain('suspendedAt');
      }
      expect(fieldLists('TERRITORY_ADMIN of A')).toContain(null);
    });
  });

  describe('the SQL compiler', () => {
    it('accepts every registered rule', () => {
      expect(() => validatePolicies(dataSource)).not.toThrow();
    });

    it('refuses an operator it cannot express, such as a regular expression', () => {
      const regex = { operator: 'regex', field: 'name', value: 'x' } as unknown as Parameters<
        typeof compileCondition
      >[0];
      expect(() => compileCondition(regex, dataSource.getMetadata(Organisation), 'row')).toThrow(
        UnsupportedConditionError,
      );
    });

    it('names the parameters of each compilation apart, so two conditions share one query', async () => {
      const metadata = dataSource.getMetadata(Organisation);
      const condition = (territoryId: string) =>
        ({ operator: 'eq', field: 'territoryId', value: territoryId }) as unknown as Parameters<
          typeof compileCondition
        >[0];
      const first = compileCondition(condition(a.id), metadata, 'row');
      const second = compileCondition(condition(b.id), metadata, 'row');
      const firstNames = Object.keys(first.parameters);
      const secondNames = Object.keys(second.parameters);
      expect(firstNames).toHaveLength(1);
      expect(secondNames).toHaveLength(1);
      expect(firstNames.filter((name) => secondNames.includes(name))).toEqual([]);

      const both = await dataSource
        .getRepository(Organisation)
        .createQueryBuilder('row')
        .where(`(${first.sql} OR ${second.sql})`, first.parameters)
        .setParameters(second.parameters)
        .getMany();
      expect(new Set(both.map((row) => row.territoryId))).toEqual(new Set([a.id, b.id]));
    });
  });
});
