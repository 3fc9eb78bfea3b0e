import { Link } from '../routing/link';
import { usePageTitle } from '../ui/use-page-title';

/**
 * One page for "nothing here" and "not for you": the api answers both alike (an existence is itself
 * information), and so does the client.
 */
export function NotFoundPage() {
  usePageTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable ou non accessible</h1>
      <p>
        Cette adresse ne correspond à aucune page de Relais, ou ce qu’elle montre ne vous est pas accessible
        (votre organisation n’a pas de raison d’y accéder, ou le consentement de la personne ne le permet
        pas).
      </p>
      <p>Si quelqu’un vous a transmis ce lien, demandez-lui de vérifier l’adresse ou de vous donner accès.</p>
      <p>
        <Link to="/">Revenir à l’accueil</Link>
      </p>
    </>
  );
}
