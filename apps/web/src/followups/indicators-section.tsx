import { FollowUpSection } from './follow-up-section';
import type { FollowUpDetail } from './follow-ups.operations';
import { actsWords, daysSinceWords, shareWords } from './follow-up-words';

/** The follow-up's figures, counted by the api on the acts I may see. */
export function IndicatorsSection({ followUp }: { followUp: FollowUpDetail }) {
  const { indicators } = followUp;
  return (
    <FollowUpSection id="indicateurs" title="Les chiffres">
      <dl className="facts indicators">
        <dt>Actes</dt>
        <dd>{actsWords(indicators.acts)}</dd>
        <dt>Part à domicile</dt>
        <dd>{indicators.acts ? shareWords(indicators.homeShare) : 'Aucun acte encore'}</dd>
        <dt>Dernier contact</dt>
        <dd>{daysSinceWords(indicators.daysSinceLastContact)}</dd>
      </dl>
      <p className="hint">Comptés sur les actes qui vous sont visibles.</p>
    </FollowUpSection>
  );
}
