import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { AuditorTerritoriesQuery } from './audit.operations';

export interface AuditedTerritory {
  id: string;
  name: string;
}

/**
 * The territory whose audit the page shows: the only one where I audit, or the one picked among
 * several (kept in the page's memory, not in the address).
 */
export function AuditorTerritory({ children }: { children(territory: AuditedTerritory): ReactNode }) {
  const [result] = useQuery({ query: AuditorTerritoriesQuery });
  const [chosenId, setChosenId] = useState<string>();
  const selectId = useId();
  if (result.fetching && !result.data) return <p role="status">Chargement…</p>;
  if (result.error) return <Notice tone="error">{readError(result.error).message}</Notice>;
  const territories = (result.data?.me.memberships ?? [])
    .filter((membership) => membership.status === 'ACTIVE' && membership.roles.includes('AUDITOR'))
    .map((membership) => membership.territory);
  const territory = territories.find((candidate) => candidate.id === chosenId) ?? territories[0];
  if (!territory) {
    return (
      <Notice>
        Votre compte n’a pas le rôle d’auditeur·rice. Si vous devez lire le journal d’audit, demandez-le à
        l’administration de votre territoire.
      </Notice>
    );
  }
  return (
    <>
      {territories.length > 1 ? (
        <div className="field select-field">
          <label htmlFor={selectId}>Territoire audité</label>
          <select
            id={selectId}
            className="select"
            value={territory.id}
            onChange={(event) => setChosenId(event.target.value)}
          >
            {territories.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {children(territory)}
    </>
  );
}
