import { Fragment } from 'react';
import type { ReactNode } from 'react';

/** The emergency numbers stand out in the api's sentences, whose words are kept as they are. */
function withNumbersInBold(line: string): ReactNode[] {
  return line
    .split(/\b(15|17|112)\b/)
    .map((part, index) =>
      index % 2 === 1 ? <strong key={index}>{part}</strong> : <Fragment key={index}>{part}</Fragment>,
    );
}

export interface EmergencyGuidancePanelProps {
  guidance: readonly string[];
  /** Nothing was tried yet: the services to turn to first. */
  nothingTried: boolean;
}

/** Shown, and read out at once, as soon as an answer calls for it: whom to call instead of the cell. */
export function EmergencyGuidancePanel({ guidance, nothingTried }: EmergencyGuidancePanelProps) {
  return (
    <section className="emergency-guidance" role="alert" aria-labelledby="consignes-urgence">
      <h3 id="consignes-urgence">En cas d’urgence : qui appeler</h3>
      <ul>
        {guidance.map((line) => (
          <li key={line}>{withNumbersInBold(line)}</li>
        ))}
      </ul>
      {nothingTried ? (
        <p>
          La cellule intervient quand les services habituels n’ont pas suffi. Sollicitez d’abord le service
          social du Département ou le CCAS, le médecin traitant de la personne ou le CMP de son secteur.
        </p>
      ) : null}
      <p>
        Votre brouillon est gardé : choisissez « Enregistrer et quitter » pour y revenir quand la situation le
        permettra.
      </p>
    </section>
  );
}
