import { CountedConnection, CountedConnectionType } from '@relais/graphql';
import { TerritoryMemberObject } from './identity.objects';

/** A page of the directory, with how many members it holds in all (« 42 membres »). */
export const TerritoryMemberConnection = CountedConnectionType(TerritoryMemberObject, {
  name: 'TerritoryMember',
  description: "Une page de l'annuaire du territoire, ce qui la suit, et combien il compte de membres.",
  nodeDescription: 'Un membre du territoire',
  totalDescription:
    'Combien l’annuaire compte de membres en tout, pour vous (ceux que la recherche ou les identifiants demandés retiennent, s’il y en a).',
});

export type CountedMemberPage = CountedConnection<TerritoryMemberObject>;
