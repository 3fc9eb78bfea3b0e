import { useState } from 'react';
import { useQuery } from 'urql';
import { professionLabel } from '../../account/role-labels';
import { PartnerSearchField } from '../../directory/partner-search-field';
import { useOrganisationNames } from '../../directory/use-directory-names';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { MinutesPreviewQuery } from './minutes.operations';
import { partnersNamedIn } from './minutes-text';
import { MinutesView } from './minutes-view';

/**
 * « Voir comme » : the minutes as a partner's member will read them, as the api computes them for
 * that reader. Nothing is filtered here: what shows is what the server returned for the partner.
 */
export function MinutesPreviewSection({
  meetingId,
  territoryId,
}: {
  meetingId: string;
  territoryId: string;
}) {
  // Chosen in the field, then asked for: each preview is computed and audited, so moving through the
  // list with the arrows does not ask for one per partner passed.
  const [chosenId, setChosenId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [result, refetch] = useQuery({
    query: MinutesPreviewQuery,
    variables: { meetingId, organisationId },
    pause: !organisationId,
    // Each preview is computed and audited by the api at the moment it is asked for.
    requestPolicy: 'network-only',
  });
  const preview = result.data?.meetingMinutesPreview;
  const shown = preview && preview.organisationId === organisationId ? preview : undefined;
  const names = useOrganisationNames(territoryId, shown?.minutes ? partnersNamedIn(shown.minutes) : []);
  const partners = shown?.minutes
    ? partnersNamedIn(shown.minutes).flatMap((id) => names.entryOf(id) ?? [])
    : [];

  return (
    <section className="minutes-preview" aria-labelledby="apercu-partenaire">
      <h2 id="apercu-partenaire">Aperçu : le compte rendu tel qu’un partenaire le lira</h2>
      <p className="hint reading-width">
        Relais le calcule comme pour un membre de ce partenaire — celui qui était dans la salle pour le plus
        grand nombre de points —, selon sa profession et le consentement de chaque personne, dans la limite de
        ce que vous lisez vous-même : une note couverte par le secret médical n’y figure que si vous êtes
        professionnel·le de santé. Chaque aperçu est inscrit au journal d’audit.
      </p>
      <PartnerSearchField
        territoryId={territoryId}
        label="Voir comme"
        hint="Le partenaire dont vous voulez voir la part."
        value={chosenId}
        onChoose={(partner) => setChosenId(partner?.id ?? '')}
      />
      <div className="button-row">
        <Button
          variant="quiet"
          isDisabled={!chosenId}
          onPress={() => {
            setOrganisationId(chosenId);
            if (chosenId === organisationId) refetch({ requestPolicy: 'network-only' });
          }}
        >
          Afficher l’aperçu
        </Button>
      </div>
      <div role="status" className="preview-status">
        {organisationId && result.fetching ? 'Calcul de l’aperçu…' : null}
        {shown ? `Aperçu pour ${shown.organisationName} affiché ci-dessous.` : null}
      </div>
      {result.error ? <Notice tone="error">{readError(result.error).message}</Notice> : null}
      {shown ? (
        <div className="preview-frame" role="region" aria-label={`Aperçu pour ${shown.organisationName}`}>
          <p>
            <strong>Lu comme :</strong>{' '}
            {shown.readerProfession
              ? `${professionLabel(shown.readerProfession)}, ${shown.organisationName}`
              : `${shown.organisationName} n’a aucun membre actif`}
          </p>
          {shown.minutes ? (
            <MinutesView
              minutes={shown.minutes}
              partners={partners}
              level={3}
              reader={shown.organisationName}
            />
          ) : (
            <p>
              {shown.organisationName} ne lira pas ce compte rendu : aucun de ses membres n’était invité à la
              séance ni n’est membre de la cellule.
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
