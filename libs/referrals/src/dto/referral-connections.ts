import { CountedConnectionType } from '@relais/graphql';
import { MyReferralObject, ReferralObject } from './referral.objects';

export const ReferralConnection = CountedConnectionType(ReferralObject, {
  name: 'Referral',
  description: 'Une page de saisines, et ce qui la suit.',
  nodeDescription: 'Une saisine',
});

export const MyReferralConnection = CountedConnectionType(MyReferralObject, {
  name: 'MyReferral',
  description: 'Une page des saisines de mon organisation, et ce qui la suit.',
  nodeDescription: 'Une saisine de mon organisation',
});
