import { DataSource } from 'typeorm';

/** Each read of a person's data in a territory, with the sequence of the set that links it (null while none does). */
export function readLinkSequences(
  dataSource: DataSource,
  territoryId: string,
  personId: string,
): Promise<{ sequence: string | null }[]> {
  return dataSource.query(
    `SELECT (SELECT l.sequence FROM audit_read_links l
              WHERE l.territory_id = e.territory_id AND e.position = ANY (l.positions)) AS sequence
       FROM audit_events e
      WHERE e.territory_id = $1 AND e.action = 'PERSON_DATA_READ' AND e.person_id = $2`,
    [territoryId, personId],
  ) as Promise<{ sequence: string | null }[]>;
}
