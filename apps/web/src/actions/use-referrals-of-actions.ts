import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { MyReferralCaseCodesQuery } from '../referrals/referrals.operations';
import type { ReferralOfPerson } from './action-group';

/** The api takes at most 100 case codes at once, and gives at most 100 referrals a page. */
const CODES_AT_ONCE = 100;
const REFERRALS_PER_PAGE = 100;

interface ReferralPageAnswer {
  page?: ResultOf<typeof MyReferralCaseCodesQuery>['myOrganisationReferrals'];
  error?: CombinedError;
}

export interface ReferralsOfActions {
  /** My organisation's most recent referral about the person with this case code, if any. */
  referralOf(caseCode: string): ReferralOfPerson | undefined;
  /** A first answer came: the page can show its actions with their links. */
  loaded: boolean;
  error?: CombinedError;
}

/**
 * My organisation's referrals about the people whose actions are shown, asked by their case codes
 * (every page of them), so that each action leads to the referral about its person however many
 * referrals my organisation has made since.
 */
export function useReferralsOfActions(
  territoryId: string,
  /** Undefined while the actions themselves are not read yet: nothing is asked. */
  caseCodes: readonly string[] | undefined,
): ReferralsOfActions {
  const client = useClient();
  const asked = caseCodes !== undefined;
  const codesKey = [...new Set(caseCodes)].sort().join(' ');
  const [read, setRead] = useState<{
    key: string;
    byCaseCode: Map<string, ReferralOfPerson>;
    error?: CombinedError;
  }>();

  useEffect(() => {
    if (!asked) return;
    let current = true;
    const codes = codesKey ? codesKey.split(' ') : [];
    const readPage = async (pageCodes: string[], after: string | null): Promise<ReferralPageAnswer> => {
      const result = await client
        .query(MyReferralCaseCodesQuery, {
          territoryId,
          caseCodes: pageCodes,
          first: REFERRALS_PER_PAGE,
          after,
        })
        .toPromise();
      return { page: result.data?.myOrganisationReferrals, error: result.error };
    };
    void (async () => {
      const byCaseCode = new Map<string, ReferralOfPerson>();
      let error: CombinedError | undefined;
      for (let start = 0; start < codes.length && !error; start += CODES_AT_ONCE) {
        let after: string | null = null;
        do {
          const { page, error: failed }: ReferralPageAnswer = await readPage(
            codes.slice(start, start + CODES_AT_ONCE),
            after,
          );
          if (!page) {
            error = failed;
            break;
          }
          // The most recent referral about a person comes first: its case code leads there.
          for (const { node } of page.edges)
            if (!byCaseCode.has(node.caseCode)) byCaseCode.set(node.caseCode, node);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
      }
      if (current) setRead({ key: `${territoryId} ${codesKey}`, byCaseCode, error });
    })();
    return () => {
      current = false;
    };
  }, [client, territoryId, codesKey, asked]);

  const done = read?.key === `${territoryId} ${codesKey}` ? read : undefined;
  // While codes newly shown are asked for, the links already known stay.
  const known = done ?? read;
  const referralOf = useMemo(() => (caseCode: string) => known?.byCaseCode.get(caseCode), [known]);
  return { referralOf, loaded: Boolean(known), error: done?.error };
}
