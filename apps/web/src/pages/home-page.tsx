import { Link } from '../routing/link';
import { usePageTitle } from '../ui/use-page-title';

/** Where someone without a page of their own lands: what Relais holds for them so far. */
export function HomePage({ firstName, notified }: { firstName?: string; notified: boolean }) {
  usePageTitle('Accueil');
  return (
    <>
      <h1>Bonjour{firstName ? ` ${firstName}` : ''}</h1>
      {notified ? (
        <p>
          Vos <Link to="/notifications">notifications</Link> vous disent ce que la cellule attend de vous et
          ce qui a changé dans les situations que vous suivez.
        </p>
      ) : null}
      <p>
        Votre mot de passe et votre second facteur se gèrent dans <Link to="/compte">Mon compte</Link>.
      </p>
    </>
  );
}
