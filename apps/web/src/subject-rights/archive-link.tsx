import { Link } from '../routing/link';

/** The coordination's way from « Situations » to the archive (other roles have none). */
export function ArchiveLink({ roles }: { roles: readonly string[] }) {
  if (!roles.includes('COORDINATOR')) return null;
  return (
    <p>
      <Link to="/situations/archivees">Situations archivées</Link>
    </p>
  );
}
