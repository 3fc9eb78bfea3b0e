/**
 * How long a bailleur waits for « Mes saisines » (200 referrals) in Chromium, as ratios to the
 * sign-in page's load measured in the same rounds (same bundle, no data): first load in a cold
 * context (nothing cached, already signed in), and in-app navigation through the header's link.
 * Each round measures the three in turn so that the machine's noise hits them alike; time is taken
 * in the page (performance.now()) at the first frame where the page is usable: its <h1> and every
 * row shown. Also the initial JavaScript of the build, gzipped.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { RunningApi } from '../test/support/api-harness';
import { launchBrowser, signInThroughPage, startApiWithWebClient } from '../test/support/browser';
import { initialJavaScript, kilobytes } from '../test/support/browser-bundle';
import { recordConsent, referPerson, submit } from '../test/support/referral-journey';

const REFERRALS = 200;
const WARM_UP_ROUNDS = 3;
const ROUNDS = 15;
const SEED_CONCURRENCY = 8;
const WAIT_MS = 20_000;

/** The few browser APIs the page-side functions use (the bench compiles without the DOM's types). */
interface InPage {
  document: {
    querySelector(selector: string): InPageElement | null;
    querySelectorAll(selector: string): ArrayLike<InPageElement>;
  };
  performance: { now(): number };
}
interface InPageElement {
  textContent: string | null;
  checkVisibility(): boolean;
  click(): void;
}

/**
 * In the page: performance.now() at the first frame where the main <h1> says `heading` and at
 * least `rows` rows (table rows, or list items below 768 px) are shown; false before. A function,
 * not a string: the app's content policy forbids evaluating strings.
 */
function usableAt({ heading, rows }: { heading: string; rows: number }): number | false {
  const { document, performance } = globalThis as unknown as InPage;
  const title = document.querySelector('main h1');
  if (!title || title.textContent?.trim() !== heading) return false;
  const shown = (selector: string) =>
    Array.from(document.querySelectorAll(selector)).filter((element) => element.checkVisibility()).length;
  const count = shown('main tbody tr') || shown('main ul > li, main ol > li');
  return count >= rows ? performance.now() : false;
}

/** In the page: clicks the header's link named `name`; performance.now() just before, or null. */
function clickNavigationLink(name: string): number | null {
  const { document, performance } = globalThis as unknown as InPage;
  const link = Array.from(document.querySelectorAll('header nav a')).find(
    (anchor) => anchor.textContent?.trim() === name,
  );
  if (!link) return null;
  const at = performance.now();
  link.click();
  return at;
}

async function waitUsable(page: Page, heading: string, rows: number, what: string): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      usableAt,
      { heading, rows },
      { polling: 'raf', timeout: WAIT_MS },
    );
    return (await handle.jsonValue()) as number;
  } catch (error) {
    const shown = await page
      .locator('main h1')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    throw new Error(
      `${what} : pas de titre « ${heading} » avec ${rows} lignes (${(error as Error).message.split('\n')[0]} ; ` +
        `titre affiché : ${shown === null ? 'aucun' : `« ${shown} »`}, adresse ${page.url()}).`,
    );
  }
}

async function seedReferrals(api: RunningApi, bailleur: GraphqlClient, territoryId: string, ccasId: string) {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < REFERRALS; index = next++) {
      const { id } = await referPerson(bailleur, {
        territoryId,
        person: { firstName: 'Banc', lastName: `Essai ${index}`, protectionMeasure: 'NONE' },
        form: {
          difficultyAreas: ['ISOLATION'],
          servicesInvolved: [],
          questionToCell: 'Quel relais proposer ?',
          description: 'Plus de nouvelles depuis trois semaines.',
          urgency: 'LOW',
          requests: ['CELL_EXAMINATION'],
        },
      });
      // A third stay drafts; the others are sent, as a real list mixes them.
      if (index % 3 === 0) continue;
      await recordConsent(bailleur, api, id, {
        organisationIds: [ccasId],
        dataCategories: ['LOGISTIC', 'IDENTITY', 'SOCIAL_CONFIDENTIAL'],
      });
      await submit(bailleur, id);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Measure {
  name: string;
  /** Milliseconds until usable, in a fresh context. */
  run(): Promise<number>;
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const api = await startApiWithWebClient();
  const browser = await launchBrowser();
  try {
    const javascript = initialJavaScript(api.config.http.webRoot);
    process.stdout.write(
      `JavaScript initial : ${kilobytes(javascript.gzipBytes)} compressé (gzip), ` +
        `${kilobytes(javascript.bytes)} brut — ${javascript.files.map((file) => file.file).join(', ')}\n`,
    );

    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const ccasId = (await api.factory.organisation(territory, OrganisationKind.SOCIAL)).id;
    const housing = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const person = await api.factory.user({
      territory,
      organisation: housing,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
      cell,
    });
    const { client } = await logInClient(api.anonymous, person.email, person.password);
    const seeding = performance.now();
    await seedReferrals(api, client, territory.id, ccasId);
    process.stdout.write(
      `${REFERRALS} saisines créées par l’api en ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`,
    );

    // Signed in once through the page; each measure then starts from a fresh context holding only
    // the session cookies (the api's clock stands still, so they stay valid).
    const context: BrowserContextOptions = {
      baseURL: api.url,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 800 },
    };
    const signingIn = await browser.newContext(context);
    const first = await signingIn.newPage();
    await signInThroughPage(first, api, person);
    await waitUsable(first, 'Mes saisines', REFERRALS, 'Après la connexion');
    const session = await signingIn.storageState();
    await signingIn.close();

    const inFreshPage = async (signedIn: boolean, measure: (page: Page) => Promise<number>) => {
      const fresh = await browser.newContext({
        ...context,
        ...(signedIn ? { storageState: session } : {}),
      });
      try {
        return await measure(await fresh.newPage());
      } finally {
        await fresh.close();
      }
    };
    const measures: Measure[] = [
      {
        name: 'connexion, premier chargement (référence)',
        run: () =>
          inFreshPage(false, async (page) => {
            await page.goto('/connexion', { waitUntil: 'commit' });
            return waitUsable(page, 'Connexion à Relais', 0, 'Page de connexion');
          }),
      },
      {
        name: `mes saisines (${REFERRALS}), premier chargement`,
        run: () =>
          inFreshPage(true, async (page) => {
            await page.goto('/saisines', { waitUntil: 'commit' });
            return waitUsable(page, 'Mes saisines', REFERRALS, '« Mes saisines », premier chargement');
          }),
      },
      {
        name: `mes saisines (${REFERRALS}), depuis « Mon compte »`,
        run: () =>
          inFreshPage(true, async (page) => {
            await page.goto('/compte');
            await page.locator('main h1').first().waitFor({ timeout: WAIT_MS });
            const clickedAt = await page.evaluate(clickNavigationLink, 'Mes saisines');
            if (clickedAt === null) throw new Error('Pas de lien « Mes saisines » dans la navigation.');
            const shownAt = await waitUsable(
              page,
              'Mes saisines',
              REFERRALS,
              '« Mes saisines » par son lien',
            );
            return shownAt - clickedAt;
          }),
      },
    ];

    const timings = new Map<string, number[]>(measures.map((measure) => [measure.name, []]));
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      for (const measure of measures) {
        const milliseconds = await measure.run();
        if (round >= WARM_UP_ROUNDS) timings.get(measure.name)!.push(milliseconds);
      }
    }
    const sortedOf = (name: string) => [...timings.get(name)!].sort((x, y) => x - y);
    const reference = sortedOf(measures[0].name);
    const referenceMedian = quantile(reference, 0.5);
    const referenceP90 = quantile(reference, 0.9);
    process.stdout.write(
      `Chromium, 1280 × 800, ${ROUNDS} tours (après ${WARM_UP_ROUNDS} d’échauffement), ` +
        `jusqu’au titre et à toutes les lignes affichés, en ms et en multiple de la connexion :\n`,
    );
    for (const measure of measures) {
      const sorted = sortedOf(measure.name);
      const median = quantile(sorted, 0.5);
      const p90 = quantile(sorted, 0.9);
      process.stdout.write(
        `  ${measure.name.padEnd(44)} médiane ${median.toFixed(0).padStart(5)}  p90 ${p90
          .toFixed(0)
          .padStart(
            5,
          )}  médiane ×${(median / referenceMedian).toFixed(2)}  p90 ×${(p90 / referenceP90).toFixed(2)}\n`,
      );
    }
  } finally {
    await browser.close();
    await api.close();
    await infrastructure.stop();
  }
}
