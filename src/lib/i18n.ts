import { m } from '$lib/paraglide/messages';
import type { Procedure } from '$lib/domain/challenge';
import type { Locale } from '$lib/domain/locale';
import type { Stage } from '$lib/domain/stages';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * A message by its key, for keys that travel as data (form errors from zod schemas).
 * An unknown key shows as itself, which the completeness test would have caught.
 */
export function t(key: string, inputs: Record<string, unknown> = {}, locale?: Locale): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(inputs, locale ? { locale } : undefined) : key;
}

// An innovation partnership names some stages as the Act on Public Procurement does.
const PARTNERSHIP_NAMES: readonly Stage[] = [
	'applications',
	'shortlisting',
	'workshops',
	'concepts',
	'proof_of_concept'
];

/** A stage's name in the challenge's procedure. */
export function stageLabel(procedure: Procedure, stage: Stage, locale?: Locale): string {
	const key =
		procedure === 'innovation_partnership' && PARTNERSHIP_NAMES.includes(stage)
			? `stage_ip_${stage}`
			: `stage_${stage}`;
	return t(key, {}, locale);
}
