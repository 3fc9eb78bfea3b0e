import { asSubject, buildAbility, Principal, Role, SharingCategory } from '@relais/access';
import { Situation, SituationAction, SituationRetentionState, situationsPolicy } from '@relais/situations';
import { retentionPolicy } from './retention.policy';

const TERRITORY = '6f1e2c3a-1b2c-4d5e-8f90-0a1b2c3d4e5f';
const ORGANISATION = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';

function principal(role: Role): Principal {
  return new Principal('user', 'session', ORGANISATION, SharingCategory.SOCIAL_MEDICOSOCIAL, [
    { id: 'membership', territoryId: TERRITORY, roles: [role], cellId: null, charterAccepted: true },
  ]);
}

function situation(retentionState: SituationRetentionState): Situation {
  return Object.assign(new Situation(), {
    id: 'situation',
    territoryId: TERRITORY,
    retentionState,
    circle: [{ organisationId: ORGANISATION }],
  });
}

// The retention policy comes after the contexts it restricts, as at boot.
const abilityOf = (role: Role) => buildAbility(principal(role), [situationsPolicy, retentionPolicy]);

describe('the retention rules', () => {
  it('takes an archived situation out of everyone’s reading, the coordination’s included', () => {
    for (const role of [Role.COORDINATOR, Role.REFERRER]) {
      expect(abilityOf(role).can('read', situation(SituationRetentionState.ACTIVE))).toBe(true);
      expect(abilityOf(role).can('read', situation(SituationRetentionState.ARCHIVED))).toBe(false);
      expect(abilityOf(role).can('read', situation(SituationRetentionState.ANONYMISED))).toBe(false);
    }
  });

  it('opens the archive to the coordination alone, on request', () => {
    const coordinator = abilityOf(Role.COORDINATOR);
    expect(coordinator.can('readArchived', situation(SituationRetentionState.ARCHIVED))).toBe(true);
    expect(coordinator.can('readArchived', situation(SituationRetentionState.ACTIVE))).toBe(false);
    expect(abilityOf(Role.REFERRER).can('readArchived', situation(SituationRetentionState.ARCHIVED))).toBe(
      false,
    );
  });

  it('hides an archived situation’s action from its owner, not from the coordination, who is told it is read-only', () => {
    const action = (retentionState: SituationRetentionState) =>
      Object.assign(new SituationAction(), {
        territoryId: TERRITORY,
        ownerOrganisationId: ORGANISATION,
        situation: situation(retentionState),
      });
    expect(abilityOf(Role.REFERRER).can('read', action(SituationRetentionState.ACTIVE))).toBe(true);
    expect(abilityOf(Role.REFERRER).can('read', action(SituationRetentionState.ARCHIVED))).toBe(false);
    expect(abilityOf(Role.COORDINATOR).can('read', action(SituationRetentionState.ARCHIVED))).toBe(true);
    expect(abilityOf(Role.COORDINATOR).can('oversee', action(SituationRetentionState.ARCHIVED))).toBe(false);
  });

  it('lets the administrator change the periods, and the coordination read them and run the dry run', () => {
    const policy = asSubject('RetentionPolicy', { territoryId: TERRITORY });
    expect(abilityOf(Role.TERRITORY_ADMIN).can('update', policy)).toBe(true);
    expect(abilityOf(Role.COORDINATOR).can('update', policy)).toBe(false);
    expect(abilityOf(Role.COORDINATOR).can('read', policy)).toBe(true);
    expect(abilityOf(Role.COORDINATOR).can('plan', policy)).toBe(true);
    expect(abilityOf(Role.TERRITORY_ADMIN).can('plan', policy)).toBe(false);
    expect(abilityOf(Role.REFERRER).can('read', policy)).toBe(false);
  });
});
