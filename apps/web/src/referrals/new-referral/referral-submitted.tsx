import { useEffect, useRef } from 'react';
import { Link } from '../../routing/link';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { frenchDate, frenchTime } from '../../ui/written-dates';

export interface ReferralSubmittedProps {
  referralId: string;
  caseCode: string | undefined;
  submittedAt: Date;
  consentRecorded: boolean;
}

/** « 11 h 55 » on one line. */
function unbroken(words: string): string {
  return words.replace(/ /g, '\u00a0');
}

/** Once sent: what the cell does with it next, and where to follow it. */
export function ReferralSubmitted({
  referralId,
  caseCode,
  submittedAt,
  consentRecorded,
}: ReferralSubmittedProps) {
  usePageTitle('Saisine transmise');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After the shell's own focus on a changed address, if any.
    const timer = window.setTimeout(() => heading.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  const id = encodeURIComponent(referralId);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Saisine transmise à la cellule
      </h1>
      <Notice tone="success">
        <p>
          Votre saisine{caseCode ? ` ${caseCode}` : ''} a été transmise le {frenchDate(submittedAt)} à{' '}
          {unbroken(frenchTime(submittedAt))}.
        </p>
      </Notice>
      <h2>{'Et maintenant\u00a0?'}</h2>
      <ol className="next-steps">
        <li>
          La coordination du CLSM la reçoit et en fait d’abord un <strong>pré-examen anonyme</strong> : la
          cellule voit le code de situation, les difficultés et votre question, pas l’identité de la personne.
        </li>
        <li>
          Elle l’inscrit ensuite à l’ordre du jour d’une <strong>prochaine réunion de la cellule</strong>, ou
          la réoriente vers un dispositif plus adapté, ou vous demande de recueillir l’accord de la personne.
        </li>
        <li>
          Vous suivez son avancement, et les actions confiées à votre organisation, dans « Mes saisines ».
        </li>
      </ol>
      <ul className="link-list">
        <li>
          <Link to={`/saisines/${id}`}>Voir la saisine dans Mes saisines</Link>
        </li>
        {consentRecorded ? (
          <li>
            <a href={`/saisines/${id}/recepisse`} target="_blank" rel="noopener">
              Ouvrir le récépissé de consentement pour l’imprimer (nouvel onglet)
            </a>
          </li>
        ) : null}
        <li>
          <Link to="/saisines/nouvelle">Faire une autre saisine</Link>
        </li>
      </ul>
    </>
  );
}
