// The learned judge of whether a typed reply engages with the turn it answers: a logistic score over the features
// context.ts reads of the reply against the turn, with weights that scripts/coach-train.ts fits (ADR 14).
import { logistic } from './model';
import trained from './relevance.json';

/** Bumped when relevanceFeatures changes, so weights fitted to other features are never read with these. */
export const RELEVANCE_FEATURES_VERSION = 1;

export interface RelevanceModel {
  features: number;
  /** The labelled sets it was fitted to (never the newest held-out set, which measures it). */
  trainedOn: string[];
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

export const relevanceModel = trained as RelevanceModel;

export const relevanceProbability = (features: readonly string[], m: Pick<RelevanceModel, 'bias' | 'weights'> = relevanceModel): number =>
  logistic(m, new Set(features));

/** Whether the reply engages with the turn, by the committed model. */
export function engages(features: readonly string[]): boolean {
  if (relevanceModel.features !== RELEVANCE_FEATURES_VERSION) throw new Error('lib/coach/relevance.json was fitted to other features: run `npm run coach:train -- --relevance`.');
  return relevanceProbability(features) >= relevanceModel.threshold;
}
