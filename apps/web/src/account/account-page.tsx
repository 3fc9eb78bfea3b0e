import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { MyAccountQuery } from './account.operations';
import './account.css';
import { professionLabel, roleLabel } from './role-labels';
import '../ui/page-parts.css';

/** Who I am for Relais: my details, where I work and with which roles, and my account's security. */
export function AccountPage() {
  usePageTitle('Mon compte');
  const [account] = useQuery({ query: MyAccountQuery });
  const me = account.data?.me;

  return (
    <>
      <h1>Mon compte</h1>
      {account.error ? <Notice tone="error">{readError(account.error).message}</Notice> : null}
      {!me && account.fetching ? <p role="status">Chargement de votre compte…</p> : null}
      {me ? (
        <>
          <h2>Vos informations</h2>
          <dl className="summary-list">
            <dt>Nom</dt>
            <dd>
              {me.firstName} {me.lastName}
            </dd>
            <dt>Adresse e-mail</dt>
            <dd>{me.email}</dd>
            <dt>Profession</dt>
            <dd>{professionLabel(me.profession)}</dd>
            <dt>Organisation</dt>
            <dd>{me.organisation.name}</dd>
          </dl>
          <p className="hint">
            Une information est inexacte ? Demandez à l’administration de votre territoire de la corriger.
          </p>

          <h2>Vos territoires et vos rôles</h2>
          {me.memberships.length === 0 ? (
            <p>Vous n’êtes membre d’aucun territoire pour l’instant.</p>
          ) : (
            me.memberships.map((membership) => (
              <section
                key={membership.id}
                className="membership"
                aria-labelledby={`territoire-${membership.id}`}
              >
                <h3 id={`territoire-${membership.id}`}>{membership.territory.name}</h3>
                {membership.status === 'ACTIVE' ? (
                  <span className="status-word">Accès actif</span>
                ) : (
                  <p>
                    <span className="status-word status-word-suspended">Accès suspendu</span> : aucun rôle
                    dans ce territoire jusqu’à ce que son administration le rétablisse.
                  </p>
                )}
                {membership.cell ? <p>Cellule : {membership.cell.name}</p> : null}
                <ul aria-label={`Vos rôles dans ${membership.territory.name}`}>
                  {membership.roles.map((role) => {
                    const { label, description } = roleLabel(role);
                    return (
                      <li key={role}>
                        <strong>{label}</strong>
                        {description ? ` : ${description}` : null}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))
          )}

          <h2>Sécurité de votre compte</h2>
          <p>
            Chaque connexion demande votre mot de passe et le code de votre application d’authentification ;
            sans votre téléphone, un code de secours le remplace.
          </p>
          <ul className="link-list">
            <li>
              <Link to="/compte/mot-de-passe">Changer mon mot de passe</Link>
            </li>
            <li>
              <Link to="/compte/codes-de-secours">Obtenir de nouveaux codes de secours</Link>
            </li>
          </ul>
          <p className="hint">
            Téléphone perdu ou changé ? Connectez-vous avec un code de secours, puis demandez à
            l’administration de votre territoire de réinitialiser votre second facteur.
          </p>

          <h2>Notifications</h2>
          <ul className="link-list">
            <li>
              <Link to="/notifications/envoi-par-e-mail">
                Choisir comment recevoir les notifications par e-mail
              </Link>
            </li>
          </ul>
        </>
      ) : null}
    </>
  );
}
