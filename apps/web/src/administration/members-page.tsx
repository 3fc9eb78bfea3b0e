import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useClient, useMutation } from 'urql';
import { ShowMore } from '../actions/show-more';
import { professionLabel, roleLabel } from '../account/role-labels';
import { usePartnerNames, useShownOnce } from '../directory/use-directory-names';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { usePagedList } from '../ui/use-paged-list';
import { AddMemberDialog } from './add-member-dialog';
import { AdministeredTerritoryChoice } from './administered-territory';
import type { AdministeredTerritory } from './administered-territory';
import {
  IssueSetPasswordLinkMutation,
  ReactivateMembershipMutation,
  ResetSecondFactorMutation,
  SuspendMembershipMutation,
  TerritoryMembersQuery,
} from './administration.operations';
import { ConfirmDialog } from './confirm-dialog';
import { accessLabel } from './member-labels';
import { RolesDialog } from './roles-dialog';
import { SetPasswordLinkShown } from './set-password-link';
import '../ui/dialog.css';
import './administration.css';

/** « Membres » : the territory's accounts, their roles and access, and what the administration does to them. */
export function MembersPage() {
  usePageTitle('Membres');
  return (
    <>
      <h1>Membres</h1>
      <p>
        <Link to="/administration">Retour à l’administration</Link>
      </p>
      <AdministeredTerritoryChoice>
        {(territory) => <Members key={territory.id} territory={territory} />}
      </AdministeredTerritoryChoice>
    </>
  );
}

interface Announcement {
  at: number;
  content: ReactNode;
}

/** A screenful; « Afficher plus » reads the next members. */
export const MEMBERS_PAGE_SIZE = 50;

function membersAdded(added: number): string {
  if (added === 0) return 'Aucun membre de plus.';
  return added > 1 ? `${added} membres de plus sont affichés.` : '1 membre de plus est affiché.';
}

function Members({ territory }: { territory: AdministeredTerritory }) {
  const territoryId = territory.id;
  const client = useClient();
  const [totalCount, setTotalCount] = useState<number>();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          TerritoryMembersQuery,
          { territoryId, first: MEMBERS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (result.data) setTotalCount(result.data.territoryMembers.totalCount);
      return { page: result.data?.territoryMembers, error: result.error };
    },
    [client, territoryId],
  );
  const list = usePagedList(territoryId, fetchPage, (member) => member.membership.id);
  const [, suspend] = useMutation(SuspendMembershipMutation);
  const [, reactivate] = useMutation(ReactivateMembershipMutation);
  const [, issueLink] = useMutation(IssueSetPasswordLinkMutation);
  const [, resetSecondFactor] = useMutation(ResetSecondFactorMutation);
  const [announcement, setAnnouncement] = useState<Announcement>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, announcement?.at);
  // Every change is announced: the pages shown are read again with it.
  const announce = (content: ReactNode) => {
    setAnnouncement({ at: Date.now(), content });
    void list.refresh();
  };

  const organisationNames = usePartnerNames(
    territoryId,
    list.items?.map(({ user }) => user.organisationId) ?? [],
    'Organisation non communiquée',
  );
  // The first members wait for their organisations' names; those « Afficher plus » adds load in place.
  const shown = useShownOnce(!!list.items && !organisationNames.loading);
  // In the api's order (last then first name), page after page.
  const members = shown ? list.items : undefined;

  if (list.error && !members) return <Notice tone="error">{readError(list.error).message}</Notice>;
  if (!members) return <p role="status">Chargement des membres…</p>;
  const count = totalCount ?? members.length;

  const target = (userId: string) => ({ input: { territoryId, userId } });
  return (
    <>
      <p className="reading-width">
        Les comptes de {territory.name}, leurs rôles et leur accès. Vous ne pouvez ni changer vos propres
        rôles ni suspendre votre propre accès : un autre administrateur le fait.
      </p>
      <div className="button-row">
        <AddMemberDialog
          territoryId={territoryId}
          onCreated={(person, link) =>
            announce(
              <>
                <p>
                  <strong>Le compte de {person} est créé.</strong>
                </p>
                <SetPasswordLinkShown person={person} result={link} />
              </>,
            )
          }
        />
      </div>
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement" role="status">
          {announcement.content}
        </div>
      ) : null}
      <h2>
        {count} membre{count > 1 ? 's' : ''}
      </h2>
      {organisationNames.error ? (
        <Notice tone="error">{readError(organisationNames.error).message}</Notice>
      ) : null}
      <ul className="member-list">
        {members.map(({ user, membership }) => {
          const person = `${user.firstName} ${user.lastName}`;
          const suspended = membership.status === 'SUSPENDED';
          return (
            <li key={user.id} className="member">
              <h3>
                {person}
                {user.id === territory.myUserId ? <span className="hint"> (vous)</span> : null}
              </h3>
              <dl className="summary-list">
                <dt>Organisation</dt>
                <dd>{organisationNames.nameOf(user.organisationId)}</dd>
                <dt>Profession</dt>
                <dd>{professionLabel(user.profession)}</dd>
                <dt>Adresse e-mail</dt>
                <dd>{user.email}</dd>
                <dt>Rôles</dt>
                <dd>
                  {membership.roles.length ? (
                    <ul className="role-list">
                      {membership.roles.map((role) => (
                        <li key={role}>{roleLabel(role).label}</li>
                      ))}
                    </ul>
                  ) : (
                    'Aucun rôle'
                  )}
                </dd>
                <dt>Accès</dt>
                <dd>
                  <span className={`access access-${suspended ? 'suspended' : 'active'}`}>
                    {accessLabel(membership.status)}
                  </span>
                </dd>
              </dl>
              <div className="button-row">
                <RolesDialog
                  territoryId={territoryId}
                  userId={user.id}
                  person={person}
                  roles={membership.roles}
                  onChanged={(message) => announce(<p>{message}</p>)}
                />
                {suspended ? (
                  <ConfirmDialog
                    trigger="Réactiver l’accès"
                    context={`de ${person}`}
                    title={`Réactiver l’accès de ${person} ?`}
                    confirm="Réactiver l’accès"
                    run={() => reactivate(target(user.id))}
                    onDone={() => announce(<p>L’accès de {person} est réactivé.</p>)}
                  >
                    <p>{person} retrouve ses rôles dans le territoire dès sa prochaine connexion.</p>
                  </ConfirmDialog>
                ) : (
                  <ConfirmDialog
                    trigger="Suspendre l’accès"
                    context={`de ${person}`}
                    title={`Suspendre l’accès de ${person} ?`}
                    confirm="Suspendre l’accès"
                    run={() => suspend(target(user.id))}
                    onDone={() => announce(<p>L’accès de {person} est suspendu.</p>)}
                  >
                    <p>
                      {person} n’aura plus aucun rôle dans le territoire dès sa prochaine requête. Ses rôles
                      sont conservés : vous pourrez réactiver son accès.
                    </p>
                  </ConfirmDialog>
                )}
                <ConfirmDialog
                  trigger="Nouveau lien de mot de passe"
                  context={`pour ${person}`}
                  title={`Nouveau lien de mot de passe pour ${person} ?`}
                  confirm="Créer le lien"
                  run={async () => {
                    const issued = await issueLink(target(user.id));
                    const link = issued.data?.issueSetPasswordLink;
                    if (link) {
                      announce(
                        <>
                          <p>
                            <strong>Un nouveau lien de mot de passe est créé pour {person}.</strong>
                          </p>
                          <SetPasswordLinkShown person={person} result={link} />
                        </>,
                      );
                    }
                    return issued;
                  }}
                  onDone={() => undefined}
                >
                  <p>
                    Pour un mot de passe oublié : le mot de passe actuel de {person} cesse de fonctionner, ses
                    sessions sont fermées, et un lien à usage unique lui permet d’en choisir un nouveau.
                  </p>
                </ConfirmDialog>
                <ConfirmDialog
                  trigger="Réinitialiser le second facteur"
                  context={`de ${person}`}
                  title={`Réinitialiser le second facteur de ${person} ?`}
                  confirm="Réinitialiser"
                  run={() => resetSecondFactor(target(user.id))}
                  onDone={() =>
                    announce(
                      <p>
                        Le second facteur de {person} est réinitialisé : il ou elle en enregistrera un nouveau
                        à sa prochaine connexion.
                      </p>,
                    )
                  }
                >
                  <p>
                    Pour un téléphone perdu ou changé : les sessions de {person} prennent fin, et un nouveau
                    second facteur lui sera demandé à sa prochaine connexion.
                  </p>
                </ConfirmDialog>
              </div>
            </li>
          );
        })}
      </ul>
      <ShowMore list={list} label="Afficher plus de membres" addedText={membersAdded} />
    </>
  );
}
