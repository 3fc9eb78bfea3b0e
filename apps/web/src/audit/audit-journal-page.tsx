import { useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { AuditEventsQuery } from './audit.operations';
import { AuditEventTable } from './audit-event-table';
import type { JournalEvent } from './audit-event-table';
import { AuditorTerritory } from './auditor-territory';
import { JournalFilters, NO_FILTER, journalCriteria } from './journal-filters';
import type { JournalFilterValues } from './journal-filters';
import '../ui/page-parts.css';
import './audit.css';

const PAGE_SIZE = 50;

type Category = 'ALL' | 'ACTIVITY' | 'SECURITY';

const CATEGORIES: readonly { value: Category; label: string }[] = [
  { value: 'ALL', label: 'Tous les événements' },
  { value: 'ACTIVITY', label: 'Activité' },
  { value: 'SECURITY', label: 'Événements de sécurité' },
];

/** « Journal d’audit » : who did or read what in the territory, and the security events. */
export function AuditJournalPage() {
  usePageTitle('Journal d’audit');
  return (
    <>
      <h1>Journal d’audit</h1>
      <p className="lead reading-width">
        Chaque consultation et chaque modification faite dans le territoire, avec son auteur·rice, et les
        événements de sécurité : connexions échouées, comptes bloqués, second facteur, accès refusés. Le
        journal ne contient que des codes, jamais les informations elles-mêmes.{' '}
        <Link to="/audit/chaine">Vérifier la chaîne d’audit</Link>.
      </p>
      <AuditorTerritory>
        {(territory) => <Journal key={territory.id} territoryId={territory.id} />}
      </AuditorTerritory>
    </>
  );
}

/** The older pages asked for with « Afficher plus », for the criteria they answer. */
interface OlderPages {
  key: string;
  events: JournalEvent[];
  endCursor: string | null;
  hasMore: boolean;
  error?: string;
}

function Journal({ territoryId }: { territoryId: string }) {
  const client = useClient();
  const [category, setCategory] = useState<Category>('ALL');
  const [filters, setFilters] = useState<JournalFilterValues>(NO_FILTER);
  const [older, setOlder] = useState<OlderPages>();
  const [loadingMore, setLoadingMore] = useState(false);

  const criteria = useMemo(
    () => ({
      territoryId,
      category: category === 'ALL' ? undefined : category,
      ...journalCriteria(filters),
    }),
    [territoryId, category, filters],
  );
  const key = JSON.stringify(criteria);
  const [result] = useQuery({ query: AuditEventsQuery, variables: { filter: criteria, first: PAGE_SIZE } });
  const firstPage = result.data?.auditEvents;
  const olderHere = older?.key === key ? older : undefined;
  const events = useMemo(
    () => [...(firstPage?.edges.map((edge) => edge.node) ?? []), ...(olderHere?.events ?? [])],
    [firstPage, olderHere],
  );
  const hasMore = olderHere ? olderHere.hasMore : (firstPage?.pageInfo.hasNextPage ?? false);
  const endCursor = olderHere ? olderHere.endCursor : (firstPage?.pageInfo.endCursor ?? null);
  const loading = (result.fetching && !firstPage) || loadingMore;
  const error = result.error ? readError(result.error).message : olderHere?.error;

  const loadMore = async (after: string) => {
    setLoadingMore(true);
    const more = await client
      .query(
        AuditEventsQuery,
        { filter: criteria, first: PAGE_SIZE, after },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoadingMore(false);
    const page = more.data?.auditEvents;
    setOlder({
      key,
      events: [...(olderHere?.events ?? []), ...(page?.edges.map((edge) => edge.node) ?? [])],
      endCursor: page ? page.pageInfo.endCursor : after,
      hasMore: page ? page.pageInfo.hasNextPage : true,
      error: more.error ? readError(more.error).message : undefined,
    });
  };

  // The authors in the journal shown, to pick one by name.
  const actorOptions = useMemo(() => {
    const byId = new Map<string, string>();
    for (const event of events) {
      if (event.actorUserId && event.actorName) byId.set(event.actorUserId, event.actorName);
    }
    return [...byId.entries()]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }, [events]);
  const categoryLabel = CATEGORIES.find((candidate) => candidate.value === category)?.label ?? '';

  return (
    <>
      <div className="audit-categories" role="group" aria-label="Nature des événements">
        {CATEGORIES.map((candidate) => (
          <Button
            key={candidate.value}
            variant={candidate.value === category ? 'primary' : 'quiet'}
            aria-pressed={candidate.value === category}
            onPress={() => setCategory(candidate.value)}
          >
            {candidate.label}
          </Button>
        ))}
      </div>
      <JournalFilters actors={actorOptions} onApply={setFilters} />
      {error ? <Notice tone="error">{error}</Notice> : null}
      <p role="status" className="hint">
        {loading
          ? 'Chargement du journal…'
          : `${events.length} événement${events.length > 1 ? 's' : ''} affiché${
              events.length > 1 ? 's' : ''
            }${hasMore ? ', d’autres plus anciens existent' : ''}.`}
      </p>
      {events.length ? (
        <AuditEventTable events={events} caption={`${categoryLabel}, les plus récents d’abord`} />
      ) : loading ? null : (
        <p>Aucun événement ne correspond à ces critères.</p>
      )}
      {hasMore && endCursor ? (
        <div className="button-row">
          <Button variant="quiet" isDisabled={loading} onPress={() => void loadMore(endCursor)}>
            Afficher les événements plus anciens
          </Button>
        </div>
      ) : null}
    </>
  );
}
