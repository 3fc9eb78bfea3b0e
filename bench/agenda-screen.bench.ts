/**
 * How long the coordinator waits for the agenda screen of a meeting with 40 items (« Ordre du
 * jour », being prepared: every item with its buttons, the total against the meeting's length,
 * Relais's proposals asked alongside), as a ratio to the same screen with 2 items, measured in the
 * same rounds (same bundle, same queries, little data). Each round loads both in turn in a fresh
 * context already signed in, so that the machine's noise hits them alike; time is taken in the page
 * (performance.now()) at the first frame where the screen is usable: its <h1>, every item shown and
 * the « Publier l’ordre du jour » button.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { launchBrowser, signInThroughPage, startApiWithWebClient } from '../test/support/browser';
import { logInClient } from '@relais/testing';
import { planMeeting, seedAgendaItem } from '../test/support/referral-journey';

const LARGE = 40;
const SMALL = 2;
const WARM_UP_ROUNDS = 3;
const ROUNDS = 12;
const WAIT_MS = 20_000;
const DAY = 24 * 60 * 60 * 1000;

/** The few browser APIs the page-side function uses (the bench compiles without the DOM's types). */
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
}

/**
 * In the page: performance.now() at the first frame where the agenda's <h1>, `items` items and
 * the publish button are shown; false before. A function, not a string: the app's content policy
 * forbids evaluating strings.
 */
function usableAt(items: number): number | false {
  const { document, performance } = globalThis as unknown as InPage;
  const title = document.querySelector('main h1');
  if (!title?.textContent?.startsWith('Ordre du jour de la séance du')) return false;
  const shown = Array.from(document.querySelectorAll('main ol.agenda-items > li')).filter((element) =>
    element.checkVisibility(),
  ).length;
  if (shown < items) return false;
  const publish = Array.from(document.querySelectorAll('main button')).some(
    (button) => button.textContent?.trim() === 'Publier l’ordre du jour' && button.checkVisibility(),
  );
  return publish ? performance.now() : false;
}

async function waitUsable(page: Page, items: number, what: string): Promise<number> {
  try {
    const handle = await page.waitForFunction(usableAt, items, { polling: 'raf', timeout: WAIT_MS });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    throw new Error(
      `${what} : pas d’ordre du jour utilisable avec ${items} points (${(error as Error).message.split('\n')[0]}, adresse ${page.url()}).`,
    );
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const api = await startApiWithWebClient();
  const browser = await launchBrowser();
  try {
    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const town = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const guest = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    const coordinator = await api.factory.user({
      territory,
      organisation: town,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell,
    });
    const { client } = await logInClient(api.anonymous, coordinator.email, coordinator.password);
    const meetingWith = async (items: number, inDays: number) => {
      const meetingId = await planMeeting(
        client,
        cell.id,
        new Date(api.clock.now().getTime() + inDays * DAY),
      );
      for (let position = 1; position <= items; position += 1) {
        await seedAgendaItem(api.dataSource, {
          territoryId: territory.id,
          meetingId,
          position,
          guestOrganisationId: guest.id,
        });
      }
      return meetingId;
    };
    const small = await meetingWith(SMALL, 10);
    const large = await meetingWith(LARGE, 40);

    // Signed in once through the page; each measure then starts from a fresh context holding only
    // the session cookies (the api's clock stands still, so they stay valid).
    const context: BrowserContextOptions = {
      baseURL: api.url,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 800 },
    };
    api.clock.advance(30_000);
    const signingIn = await browser.newContext(context);
    const first = await signingIn.newPage();
    await signInThroughPage(first, api, coordinator);
    const session = await signingIn.storageState();
    await signingIn.close();

    const measures = [
      { name: `ordre du jour, ${SMALL} points (référence)`, meetingId: small, items: SMALL },
      { name: `ordre du jour, ${LARGE} points`, meetingId: large, items: LARGE },
    ];
    const load = async (meetingId: string, items: number, name: string) => {
      const fresh = await browser.newContext({ ...context, storageState: session });
      try {
        const page = await fresh.newPage();
        await page.goto(`/seances/${meetingId}/ordre-du-jour`, { waitUntil: 'commit' });
        return await waitUsable(page, items, name);
      } finally {
        await fresh.close();
      }
    };
    const timings = new Map<string, number[]>(measures.map((measure) => [measure.name, []]));
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      for (const measure of measures) {
        const milliseconds = await load(measure.meetingId, measure.items, measure.name);
        if (round >= WARM_UP_ROUNDS) timings.get(measure.name)!.push(milliseconds);
      }
    }
    const sortedOf = (name: string) => [...timings.get(name)!].sort((x, y) => x - y);
    const reference = sortedOf(measures[0].name);
    const referenceMedian = quantile(reference, 0.5);
    const referenceP90 = quantile(reference, 0.9);
    process.stdout.write(
      `Chromium, 1280 × 800, ${ROUNDS} tours (après ${WARM_UP_ROUNDS} d’échauffement), premier chargement ` +
        `jusqu’au titre, à tous les points et au bouton de publication affichés, en ms et en multiple de la référence :\n`,
    );
    for (const measure of measures) {
      const sorted = sortedOf(measure.name);
      const median = quantile(sorted, 0.5);
      const p90 = quantile(sorted, 0.9);
      process.stdout.write(
        `  ${measure.name.padEnd(36)} médiane ${median.toFixed(0).padStart(5)}  p90 ${p90
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
