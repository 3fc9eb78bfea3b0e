import { Link } from '../routing/link';
import type { NextStep } from './my-referrals-order';
import { resumePath } from './referral-paths';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/**
 * What the referral asks of my organisation, in a few words, with the link to do it. The link's
 * hidden end names the referral, for a screen reader's list of links.
 */
export function NextStepText({
  step,
  referralId,
  caseCode,
}: {
  step: NextStep;
  referralId: string;
  caseCode: string;
}) {
  const about = <span className="visually-hidden"> ({caseCode})</span>;
  switch (step.attention) {
    case 'consent-requested':
      return (
        <>
          <strong className="next-step-urgent">La cellule demande l’accord de la personne</strong>{' '}
          <Link to={resumePath(referralId)}>Compléter la saisine{about}</Link>
        </>
      );
    case 'overdue-actions':
      return (
        <>
          <strong className="next-step-urgent">
            {plural(step.overdueActions, 'action en retard', 'actions en retard')}
          </strong>{' '}
          <Link to="/actions">Voir mes actions{about}</Link>
        </>
      );
    case 'draft':
      return (
        <>
          <strong>Brouillon à terminer et transmettre</strong>{' '}
          <Link to={resumePath(referralId)}>Reprendre le brouillon{about}</Link>
        </>
      );
    case 'open-actions':
      return (
        <>
          <strong>{plural(step.openActions, 'action à mener', 'actions à mener')}</strong>{' '}
          <Link to="/actions">Voir mes actions{about}</Link>
        </>
      );
    case 'none':
      return <span className="muted">Rien pour l’instant</span>;
  }
}

/** « Aucune », « 2 à mener », « 3, dont 1 à mener », « 2, toutes terminées ». */
export function actionCountText(total: number, open: number): string {
  if (total === 0) return 'Aucune';
  if (open === 0) return total > 1 ? `${total}, toutes terminées` : '1, terminée';
  if (open === total) return `${total} à mener`;
  return `${total}, dont ${open} à mener`;
}
