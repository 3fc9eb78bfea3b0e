export interface CharterPageProps {
  territoryId: string;
  territoryName: string;
  onAccepted(): void;
}

/** The territory's charter, to accept before working in it. */
export function CharterPage({ territoryName }: CharterPageProps) {
  return <h1>Charte du {territoryName}</h1>;
}
