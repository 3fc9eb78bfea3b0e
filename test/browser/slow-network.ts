import type { Page } from 'playwright-core';

/**
 * Delays the api's answers to one GraphQL operation (named as the client sends it), as a slow network
 * would, so a test can show what the page does before they arrive.
 */
export async function holdBackOperation(page: Page, operationName: string, delayMs: number): Promise<void> {
  await page.route('**/graphql', async (route) => {
    const body: unknown = route.request().postDataJSON();
    if (typeof body === 'object' && body && 'operationName' in body && body.operationName === operationName) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    await route.continue();
  });
}
