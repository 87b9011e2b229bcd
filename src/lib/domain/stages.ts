import { PROCEDURES, type Procedure } from './procedure';

/** Every stage a challenge can walk through, in order (DESIGN.md: the life of a challenge). */
export const STAGES = [
	'market_dialogue',
	'applications',
	'screening',
	'shortlisting',
	'workshops',
	'concepts',
	'selection',
	'proof_of_concept',
	'production'
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The stages each procedure uses. An open challenge ends with proof of concept (what
 * continues after it is a decision, not a stage); an innovation partnership
 * (Act 1397/2016 §38–39) goes on to the production phase.
 */
export const PROCEDURE_STAGES: Record<Procedure, readonly Stage[]> = {
	open_challenge: STAGES.filter((s) => s !== 'production'),
	innovation_partnership: STAGES
};

/** Stages a jury scores against weighted criteria. */
export const EVALUATED_STAGES = ['shortlisting', 'selection'] as const;
export type EvaluatedStage = (typeof EVALUATED_STAGES)[number];

/** Stages that end in a decision selecting or dropping someone. */
export const DECISION_STAGES: readonly Stage[] = [
	'screening',
	'shortlisting',
	'selection',
	'proof_of_concept'
];

/** Every timetable has an application period; the rest are optional. */
export const REQUIRED_STAGES: readonly Stage[] = ['applications'];

/**
 * The stages an innovation partnership names as the Act on Public Procurement (1397/2016
 * §38–39) and Helsinki's partnership (shared/seeds) do: requests to participate, selection
 * for negotiations, negotiations, final tenders, development phase. Its other stages share
 * the open challenge's names.
 */
const PARTNERSHIP_NAMED: readonly Stage[] = [
	'applications',
	'shortlisting',
	'workshops',
	'concepts',
	'proof_of_concept'
];

/**
 * The message key of a stage's one name in `procedure` (`stage_ip_…` where an innovation
 * partnership names it its own way, else `stage_…`). Every page, mail and document that
 * names a stage goes through this key ($lib/i18n-names stageLabel); there are no other
 * stage names (issue 16: one name for each stage, everywhere).
 */
export function stageNameKey(procedure: Procedure, stage: Stage): string {
	return procedure === 'innovation_partnership' && PARTNERSHIP_NAMED.includes(stage)
		? `stage_ip_${stage}`
		: `stage_${stage}`;
}

/**
 * The message keys of `stage`'s names for a reader who does not know the procedure (a
 * filter over every challenge, a record whose challenge is gone): its one name in each
 * procedure that has the stage (PROCEDURE_STAGES), each key once, in PROCEDURES order. A
 * stage both procedures name alike has one key; "proof_of_concept" has the open challenge's
 * and the partnership's (Kokeilu, Kehitysvaihe), so either reader finds the stage they know.
 */
export function stageNameKeysAcross(stage: Stage): string[] {
	const keys = PROCEDURES.filter((p) => PROCEDURE_STAGES[p].includes(stage)).map((p) =>
		stageNameKey(p, stage)
	);
	return [...new Set(keys)];
}

export const isStage = (value: unknown): value is Stage =>
	typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** Whether `value` is a stage a jury scores (EVALUATED_STAGES): the route matcher `[x=stage]`. */
export const isEvaluatedStage = (value: unknown): value is EvaluatedStage =>
	typeof value === 'string' && (EVALUATED_STAGES as readonly string[]).includes(value);
