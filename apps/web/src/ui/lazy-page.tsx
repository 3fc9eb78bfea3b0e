import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';

/**
 * A page whose code is fetched when it is first opened, so the first screen (sign-in) loads only
 * what it needs. Until it arrives, the place of the content says it is loading.
 */
export function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: Props) {
    return (
      <Suspense fallback={<p role="status">Chargement de la page…</p>}>
        <Page {...props} />
      </Suspense>
    );
  };
}
