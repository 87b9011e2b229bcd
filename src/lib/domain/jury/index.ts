/**
 * The jury's domain core (issue 13 "Jury and decisions"): pure functions from scores to a
 * checked decision. scores → aggregate → normalise (optional) → price → ranking, tied
 * together by evaluate; robustness and decision read its result; assignment comes first.
 */
export * from './scores';
export * from './aggregate';
export * from './normalise';
export * from './price';
export * from './ranking';
export * from './evaluate';
export * from './robustness';
export * from './assignment';
export * from './decision';
