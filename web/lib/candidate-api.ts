/**
 * Client for the candidate's one record beyond reading it: editing key facts and the
 * offer versions (newest first) with issuing a new one. Types come from the contracts the
 * server validates with; the forms validate with the same schemas before sending.
 */
import type { TCandidate, TCreateOfferVersion, TOffer, TUpdateCandidate } from '../../src/contracts/candidates.js';
import { request } from './api.js';

export type { TCreateOfferVersion, TOffer, TUpdateCandidate };

const id = (value: string) => encodeURIComponent(value);

export const candidateApi = {
  /** Sends only the changed fields; the server audits each with its old and new value. */
  update: (candidateId: string, patch: TUpdateCandidate) => request<TCandidate>('PATCH', `/candidates/${id(candidateId)}`, patch),
  listOffers: (candidateId: string) => request<{ items: TOffer[] }>('GET', `/candidates/${id(candidateId)}/offers`),
  /** Terms not given carry over from the current version. */
  issueOffer: (candidateId: string, input: TCreateOfferVersion) => request<TOffer>('POST', `/candidates/${id(candidateId)}/offers`, input),
};
