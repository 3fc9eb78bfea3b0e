import { Notice } from '../ui/notice';

/** Shown over what was read earlier, while Relais cannot be reached. */
export function OfflineNotice() {
  return (
    <Notice tone="error">
      Relais ne répond pas (connexion perdue ?) : ce qui est affiché a été lu plus tôt et peut avoir changé
      depuis.
    </Notice>
  );
}
