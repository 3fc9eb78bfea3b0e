import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { ReferrerTerritoriesQuery } from '../referrals/referrals.operations';
import { Notice } from '../ui/notice';
import { TerritoryPicker } from '../ui/territory-picker';

export interface CoordinatedTerritory {
  id: string;
  name: string;
}

/** The territory whose cell the page coordinates, among my active memberships as coordinator. */
export function CoordinatedTerritoryChoice({
  children,
}: {
  children(territory: CoordinatedTerritory): ReactNode;
}) {
  // The same question as the referring pages (my memberships and their roles), read once for both.
  const [result] = useQuery({ query: ReferrerTerritoriesQuery });
  if (result.error) return <Notice tone="error">{readError(result.error).message}</Notice>;
  const me = result.data?.me;
  if (!me) return <p role="status">Chargement…</p>;
  const territories = me.memberships
    .filter((membership) => membership.status === 'ACTIVE' && membership.roles.includes('COORDINATOR'))
    .map((membership) => membership.territory);
  return (
    <TerritoryPicker
      territories={territories}
      empty={<Notice>Votre compte n’a pas le rôle de coordination dans un territoire actif.</Notice>}
    >
      {children}
    </TerritoryPicker>
  );
}
