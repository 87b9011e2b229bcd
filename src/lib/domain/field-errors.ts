import { z } from 'zod';
import { isBlank } from './text';

/**
 * The error of a field whose value must be one of a set (a choice, a row's id), as a zod
 * error function: 'error_required' when the field is missing or blank, else `unknown`,
 * the words for a value that is none of them. An outside tester's report: posting an
 * organisation role "boss" said "required", as if nothing had been chosen.
 */
export const requiredOr =
	(unknown: string) =>
	(issue: { input?: unknown }): string =>
		issue.input == null || (typeof issue.input === 'string' && isBlank(issue.input))
			? 'error_required'
			: unknown;

/**
 * A form field that is one of `choices`: 'error_required' when none is given, `unknown`
 * (by default "Choose one of the options") for a value that is not one of them.
 */
export const choiceField = <const C extends readonly [string, ...string[]]>(
	choices: C,
	unknown = 'error_choice_unknown'
) => z.enum(choices, { error: requiredOr(unknown) });
