/**
 * The demonstration territory's activity, seeded once through the running api as its demo
 * accounts: people and referrals in every state, a meeting held with its minutes and one ahead
 * with its agenda, a trinôme under way. Each step is an ordinary GraphQL call, so every rule,
 * audit line and outbox event (hence every notification the worker makes) is the real one.
 * Every name is made up and every free text opens with « Donnée de démonstration ».
 */
import { DEMO_TERRITORY_NAME } from '@relais/identity';
import { demoContext, openLandlordSession } from './demo-context';
import { seedDemoFollowUp } from './demo-follow-up';
import { DemoMeetings, seedDemoMeetings } from './demo-meetings';
import { DemoReferrals, seedDemoReferrals } from './demo-referrals';

export { DemoSeedError } from './demo-client';
export { DEMO_ACTORS } from './demo-context';
export { DEMO_MARK } from './demo-referrals';

export interface DemoActivityOptions {
  /** The api's address, e.g. http://127.0.0.1:3000. */
  url: string;
  /** The api's moment (second-factor codes, dates); the machine's clock by default. */
  now?: () => Date;
  log?: (line: string) => void;
}

export type DemoActivity =
  | { created: false }
  | { created: true; referrals: DemoReferrals; meetings: DemoMeetings; followUpId: string };

const MY_REFERRALS = /* GraphQL */ `
  query ($t: ID!) {
    myOrganisationReferrals(territoryId: $t, first: 1) {
      totalCount
    }
  }
`;

/**
 * Seeds the activity unless the landlord's organisation already has referrals (a previous start
 * did it; nothing is added twice). The landlord signs in first for that check; the other accounts
 * only when there is something to write.
 */
export async function seedDemoActivity(options: DemoActivityOptions): Promise<DemoActivity> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const { landlord, territoryId } = await openLandlordSession(options.url, DEMO_TERRITORY_NAME, now);
  const { myOrganisationReferrals } = await landlord.call<{
    myOrganisationReferrals: { totalCount: number };
  }>(MY_REFERRALS, { t: territoryId });
  if (myOrganisationReferrals.totalCount) return { created: false };

  const context = await demoContext(options.url, now, landlord, territoryId);
  log('activité de démonstration : saisines…');
  const referrals = await seedDemoReferrals(context);
  log('activité de démonstration : séances…');
  const meetings = await seedDemoMeetings(context, referrals);
  log('activité de démonstration : accompagnement…');
  const followUpId = await seedDemoFollowUp(context, referrals);
  return { created: true, referrals, meetings, followUpId };
}
