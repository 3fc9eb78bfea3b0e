import { useCallback, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useClient, useMutation } from 'urql';
import { ShowMore } from '../actions/show-more';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormTextField } from '../ui/form/form-text-field';
import { applyServerErrors } from '../ui/form/server-errors';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { usePagedList } from '../ui/use-paged-list';
import { AdministeredTerritoryChoice } from './administered-territory';
import type { AdministeredTerritory } from './administered-territory';
import { CreateOrganisationMutation, TerritoryOrganisationsQuery } from './administration.operations';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, organisationKindLabel } from './organisation-kinds';
import type { OrganisationKind } from './organisation-kinds';
import '../ui/dialog.css';
import './administration.css';

/** « Partenaires » : the territory's organisations, and adding one. */
export function PartnersPage() {
  usePageTitle('Partenaires');
  return (
    <>
      <h1>Partenaires</h1>
      <p>
        <Link to="/administration">Retour à l’administration</Link>
      </p>
      <AdministeredTerritoryChoice>
        {(territory) => <Partners key={territory.id} territory={territory} />}
      </AdministeredTerritoryChoice>
    </>
  );
}

interface PartnerValues {
  name: string;
  kind: OrganisationKind | '';
  finess: string;
  siret: string;
}

const FIELDS = ['name', 'kind', 'finess', 'siret'] as const;

const KIND_CHOICES = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind].label,
  description: ORGANISATION_KIND_LABELS[kind].description || undefined,
}));

/** A screenful; « Afficher plus » reads the next partners. */
export const PARTNERS_PAGE_SIZE = 50;

function partnersAdded(added: number): string {
  if (added === 0) return 'Aucun partenaire de plus.';
  return added > 1 ? `${added} partenaires de plus sont affichés.` : '1 partenaire de plus est affiché.';
}

function Partners({ territory }: { territory: AdministeredTerritory }) {
  const territoryId = territory.id;
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          TerritoryOrganisationsQuery,
          { territoryId, first: PARTNERS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.organisations, error: result.error };
    },
    [client, territoryId],
  );
  const list = usePagedList(territoryId, fetchPage, (organisation) => organisation.id);
  const [creating, createOrganisation] = useMutation(CreateOrganisationMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState<{ at: number; message: string }>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, announcement?.at);
  const { control, handleSubmit, setError, reset } = useForm<PartnerValues>({
    defaultValues: { name: '', kind: '', finess: '', siret: '' },
  });

  const submit = handleSubmit(async ({ kind, name, finess, siret }) => {
    setGeneral([]);
    if (!kind) return;
    const created = await createOrganisation({
      input: { territoryId, kind, name, finess: finess.trim() || null, siret: siret.trim() || null },
    });
    if (created.error) {
      const shown = readError(created.error);
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    reset();
    // The pages shown are read again: the new partner takes its alphabetical place.
    void list.refresh();
    const message = `${created.data?.createOrganisation.name ?? name} est ajouté aux partenaires du territoire.`;
    setAnnouncement((previous) => ({ at: (previous?.at ?? 0) + 1, message }));
  });

  const organisations = list.items;
  return (
    <>
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement" role="status">
          {announcement.message}
        </div>
      ) : null}
      <section aria-labelledby="partenaires-liste">
        <h2 id="partenaires-liste">Partenaires de {territory.name}</h2>
        {list.error && !organisations ? (
          <Notice tone="error">{readError(list.error).message}</Notice>
        ) : !organisations ? (
          <p role="status">Chargement des partenaires…</p>
        ) : organisations.length === 0 ? (
          <p>Aucun partenaire n’est encore enregistré.</p>
        ) : (
          <div className="table-scroll">
            <table className="partners-table">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Nature</th>
                  <th scope="col">FINESS</th>
                  <th scope="col">SIRET</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row">{organisation.name}</th>
                    <td>{organisationKindLabel(organisation.kind)}</td>
                    <td>{organisation.finess ?? '—'}</td>
                    <td>{organisation.siret ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {organisations?.length ? (
          <ShowMore list={list} label="Afficher plus de partenaires" addedText={partnersAdded} />
        ) : null}
      </section>
      <section aria-labelledby="partenaire-ajout" className="reading-width">
        <h2 id="partenaire-ajout">Ajouter un partenaire</h2>
        {general.map((message) => (
          <Notice key={message} tone="error">
            {message}
          </Notice>
        ))}
        <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
          <FormTextField
            control={control}
            name="name"
            label="Nom du partenaire"
            hint="Tel qu’on le nomme dans le territoire (2 à 200 caractères), unique."
            rules={{ required: 'Indiquez le nom du partenaire.' }}
          />
          <FormChoiceGroup
            control={control}
            name="kind"
            label="Nature"
            hint="Avec la profession de chacun, elle fixe ce que ses professionnels peuvent lire."
            choices={KIND_CHOICES}
            rules={{ required: 'Choisissez la nature du partenaire.' }}
          />
          <FormTextField
            control={control}
            name="finess"
            label="Numéro FINESS"
            hint="9 caractères, pour un établissement sanitaire ou médico-social."
            inputMode="text"
          />
          <FormTextField
            control={control}
            name="siret"
            label="Numéro SIRET"
            hint="14 chiffres ; les espaces sont ignorés."
            inputMode="numeric"
          />
          <div className="button-row">
            <Button type="submit" isPending={creating.fetching}>
              Ajouter le partenaire
            </Button>
          </div>
        </Form>
      </section>
    </>
  );
}
