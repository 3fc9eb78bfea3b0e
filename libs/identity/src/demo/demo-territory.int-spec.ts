import { ownerDatabase, testConfig } from '@relais/testing';
import { dataSourceOptions } from '@relais/database';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { Role } from '@relais/access';
import { IDENTITY_ENTITIES, Membership, Organisation, Territory, User } from '../entities';
import { SecondFactor } from '../second-factor/entities';
import { SecretBox } from '../second-factor/secret-box';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_SECOND_FACTOR_SECRET,
  DEMO_TERRITORY_NAME,
  seedDemoTerritory,
} from './demo-territory';

describe('demonstration territory', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource(
      dataSourceOptions(ownerDatabase(), IDENTITY_ENTITIES, 'relais-test'),
    ).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('is created once, with its partners and one account per role, each able to log in', async () => {
    const hasher = new PasswordHasher();
    const key = testConfig().secondFactor.key;
    const [first, second] = await Promise.all([
      seedDemoTerritory(dataSource, hasher, key),
      seedDemoTerritory(dataSource, hasher, key),
    ]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect((await seedDemoTerritory(dataSource, hasher, key)).created).toBe(false);

    const territory = await dataSource
      .getRepository(Territory)
      .findOneByOrFail({ name: DEMO_TERRITORY_NAME });
    const kinds = (await dataSource.getRepository(Organisation).findBy({ territoryId: territory.id })).map(
      (o) => o.kind,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['HOUSING', 'SOCIAL', 'PSYCHIATRY', 'ASSOCIATION', 'MEDICO_SOCIAL']),
    );

    const memberships = await dataSource.getRepository(Membership).findBy({ territoryId: territory.id });
    const roles = new Set(memberships.flatMap((membership) => membership.roles));
    expect([...roles].sort()).toEqual(Object.values(Role).sort());

    const users = await dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.territoryId = :territoryId', { territoryId: territory.id })
      .getMany();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    const nurse = users.find((user) => user.email === 'infirmier@demo.relais.test');
    const landlord = users.find((user) => user.email === 'bailleur@demo.relais.test');
    expect(nurse?.sharingCategory).toBe('HEALTH');
    expect(landlord?.sharingCategory).toBe('NOT_LISTED');
    expect(await hasher.verify(users[0].passwordHash!, DEMO_PASSWORD)).toBe(true);

    // Every account's authenticator holds the demo secret, sealed under this installation's key.
    const factors = await dataSource.getRepository(SecondFactor).findBy({ territoryId: territory.id });
    expect(factors).toHaveLength(DEMO_ACCOUNTS.length);
    const box = new SecretBox(key);
    for (const factor of factors) {
      expect(factor.sealedSecret).not.toContain(DEMO_SECOND_FACTOR_SECRET);
      expect(box.open(factor.sealedSecret, factor.userId)).toBe(DEMO_SECOND_FACTOR_SECRET);
    }
    // A demo account without one (reset by its administrator) gets it back at the next start.
    await dataSource.getRepository(SecondFactor).delete({ userId: nurse!.id });
    await seedDemoTerritory(dataSource, hasher, key);
    expect(await dataSource.getRepository(SecondFactor).countBy({ territoryId: territory.id })).toBe(
      DEMO_ACCOUNTS.length,
    );
  }, 60_000);
});
