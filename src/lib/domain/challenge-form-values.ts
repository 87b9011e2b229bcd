import { LOCALES, type LocalizedText } from './locale';
import { formatFinnishDateTime, formatFinnishDay } from './finnish-datetime';
import type { StageWindow } from './timetable';
import type { Criterion } from './criteria';
import type { RawForm } from './challenge-schemas';

/** Form fields `<prefix>_fi` … from a localized text: the inverse of localizedFrom. */
export function localizedFields(prefix: string, text: LocalizedText): RawForm {
	return Object.fromEntries(LOCALES.map((l) => [`${prefix}_${l}`, text[l] ?? '']));
}

/** The timetable form's fields from saved stages, dates as Finns write them (finnish-datetime.ts). */
export function timetableFields(stages: StageWindow[]): RawForm {
	const raw: RawForm = {};
	for (const s of stages) {
		raw[`${s.stage}_start`] = formatFinnishDateTime(s.startsAt);
		raw[`${s.stage}_end`] = formatFinnishDateTime(s.endsAt);
		// A decision date is a day as stored, written d.m.yyyy: never shifted by a zone.
		if (s.decisionOn) raw[`${s.stage}_decision`] = formatFinnishDay(s.decisionOn);
		if (s.signatory) raw[`${s.stage}_signatory`] = s.signatory;
	}
	return raw;
}

export function criteriaFields(criteria: Criterion[]): RawForm {
	return Object.assign(
		{},
		...criteria.map((c, i) => ({
			[`c${i}_stage`]: c.stage,
			[`c${i}_points`]: String(c.maxPoints),
			...localizedFields(`c${i}_name`, c.name),
			...localizedFields(`c${i}_description`, c.description)
		}))
	);
}

export function requirementFields(statements: LocalizedText[]): RawForm {
	return Object.assign({}, ...statements.map((s, i) => localizedFields(`r${i}`, s)));
}
