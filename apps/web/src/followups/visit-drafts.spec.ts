import { describe, expect, it, jest } from '@jest/globals';
import { VisitDraftStore, visitDraftsOf } from './visit-drafts';
import type { VisitDraft } from './visit-drafts';

const draft: VisitDraft = {
  place: 'HOME',
  otherType: '',
  day: '03/12/2026',
  duration: '45',
  presentUserIds: ['nurse'],
  note: 'Reprise du traitement évoquée.',
  healthOnly: true,
  unsent: true,
};

describe('visit drafts', () => {
  it('keeps a draft per follow-up until it is recorded or given up, and tells who listens', () => {
    const store = new VisitDraftStore();
    const heard = jest.fn();
    store.subscribe(heard);
    store.keep('follow-up-1', draft);
    expect(store.get('follow-up-1')).toEqual(draft);
    expect(store.get('follow-up-2')).toBeUndefined();
    store.discard('follow-up-1');
    expect(store.get('follow-up-1')).toBeUndefined();
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('keeps a copy: a form changing its own list afterwards does not change the draft', () => {
    const store = new VisitDraftStore();
    const present = ['nurse'];
    store.keep('follow-up-1', { ...draft, presentUserIds: present });
    present.push('tisf');
    expect(store.get('follow-up-1')?.presentUserIds).toEqual(['nurse']);
  });

  it('gives each session (each urql client) its own drafts: a new session after sign-out finds none', () => {
    const firstSession = {};
    visitDraftsOf(firstSession).keep('follow-up-1', draft);
    expect(visitDraftsOf(firstSession).get('follow-up-1')).toEqual(draft);
    expect(visitDraftsOf({}).get('follow-up-1')).toBeUndefined();
  });

  it('forgets every draft when cleared', () => {
    const store = new VisitDraftStore();
    store.keep('follow-up-1', draft);
    store.keep('follow-up-2', draft);
    store.clear();
    expect([store.get('follow-up-1'), store.get('follow-up-2')]).toEqual([undefined, undefined]);
  });
});
