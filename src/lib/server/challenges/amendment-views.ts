import { m } from '$lib/paraglide/messages';
import { areaLabel } from '$lib/area-label';
import { formatDateTime, formatDay } from '$lib/format';
import { stageLabel, t } from '$lib/i18n';
import { render } from 'svelte/server';
import AmendmentChanges from '$lib/components/AmendmentChanges.svelte';
import { describeChange, type LabelledChange } from '$lib/domain/amendment-diff';
import type { FieldChange } from '$lib/domain/amendments';
import type { Procedure } from '$lib/domain/challenge';
import type { Day } from '$lib/domain/day';
import { LOCALES, pickLocalized, type Locale, type LocalizedText } from '$lib/domain/locale';
import { isStage } from '$lib/domain/stages';

/**
 * What one amendment changed, field by field, worded for a reader of `locale`: text as a
 * word diff per language, lists as items removed and added, other values old → new
 * (describeChange). Takes the stored changes ({ field, before, after }), the challenge's
 * procedure (it names the stages) and primary language (the fallback of localized items);
 * refuses nothing. Runs in the load function, not in the browser (issue 16: the word diff
 * library and the wording of every field kept the challenge page's JavaScript over 60 kB).
 * Each view carries its field's name (`label`), so the page bundles no field labels either.
 */
export function amendmentViews(
	changes: FieldChange[],
	procedure: Procedure,
	primaryLocale: Locale,
	locale: Locale
): LabelledChange[] {
	const isLocalized = (v: unknown): v is LocalizedText =>
		typeof v === 'object' &&
		v !== null &&
		!Array.isArray(v) &&
		Object.keys(v).every((k) => (LOCALES as readonly string[]).includes(k));
	const when = (v: unknown) =>
		typeof v !== 'string' || !v
			? '–'
			: /^\d{4}-\d{2}-\d{2}$/.test(v)
				? formatDay(v as Day, locale)
				: formatDateTime(v, locale);
	const stage = (v: unknown) => (isStage(v) ? stageLabel(procedure, v, locale) : String(v));

	/** One value or list item in words, in the reader's language. */
	function item(field: string, v: unknown): string {
		if (v === null || v === undefined || v === '') return '–';
		if (typeof v === 'boolean') return v ? m.od_yes() : m.od_no();
		if (field === 'competence_areas' && typeof v === 'string') return areaLabel(v);
		if (field === 'procedure' && typeof v === 'string')
			return v === 'innovation_partnership'
				? m.procedure_innovation_partnership()
				: m.procedure_open_challenge();
		if (isLocalized(v)) return pickLocalized(v, locale, primaryLocale).text;
		if (typeof v === 'object' && !Array.isArray(v)) {
			const o = v as Record<string, unknown>;
			if (field === 'timetable') {
				const parts = [`${stage(o.stage)}: ${when(o.starts_at)} – ${when(o.ends_at)}`];
				if (o.decision_on) parts.push(`${m.od_decision_on()} ${when(o.decision_on)}`);
				if (o.signatory) parts.push(String(o.signatory));
				return parts.join(', ');
			}
			if (field === 'criteria') {
				const name = isLocalized(o.name) ? pickLocalized(o.name, locale, primaryLocale).text : '';
				return `${stage(o.stage)}: ${name} (${m.od_points({ count: Number(o.max_points) })})`;
			}
			return JSON.stringify(v);
		}
		return String(v);
	}
	return changes.map((c) => ({
		...describeChange(c, item),
		label: t(`field_label_${c.field}`, {}, locale)
	}));
}

/**
 * One amendment's changes as HTML: AmendmentChanges rendered here, on the server, so that
 * neither it nor DiffText nor their messages are in a visitor's JavaScript (issue 16); the
 * page writes the HTML as it is, with no script, and styles it with changes.css. Svelte
 * escapes every value, as in any component. Takes the views from amendmentViews; refuses
 * nothing.
 */
export function amendmentChangesHtml(views: LabelledChange[]): string {
	return render(AmendmentChanges, { props: { views } }).body;
}
