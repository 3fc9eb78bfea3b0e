import { Link } from '../routing/link';
import { usePageTitle } from '../ui/use-page-title';
import './administration.css';

/** The administration's sections: who has access and with which roles, and the territory's settings. */
export const ADMINISTRATION_SECTIONS = [
  {
    path: '/administration/membres',
    title: 'Membres',
    description:
      'Les comptes du territoire et leurs rôles : ajouter un membre, donner ou retirer un rôle, suspendre un accès, renvoyer un lien de mot de passe, réinitialiser un second facteur.',
  },
  {
    path: '/administration/partenaires',
    title: 'Partenaires',
    description:
      'Les organisations du territoire et leur nature, qui fixe avec la profession ce que leurs professionnels lisent : ajouter un partenaire.',
  },
  {
    path: '/administration/charte',
    title: 'Charte et règlement',
    description:
      'La charte de confidentialité et le règlement intérieur en vigueur : publier une nouvelle version, que chaque membre accepte à nouveau.',
  },
  {
    path: '/administration/rappels',
    title: 'Rappels',
    description: 'Les rappels envoyés dans le territoire, à qui et quand : les régler ou les couper.',
  },
] as const;

export function AdministrationPage() {
  usePageTitle('Administration');
  return (
    <>
      <h1>Administration</h1>
      <p className="reading-width">
        L’administration du territoire gère les comptes et les partenaires ; elle ne lit aucune situation.
      </p>
      <ul className="admin-sections">
        {ADMINISTRATION_SECTIONS.map((section) => (
          <li key={section.path}>
            <h2>
              <Link to={section.path}>{section.title}</Link>
            </h2>
            <p>{section.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
