import { m } from '$lib/paraglide/messages';
import type { IdeaField } from '$lib/domain/application-schemas';

/** The label of a preliminary idea's field, in the reader's language. */
export function ideaFieldLabel(field: IdeaField): string {
	return {
		title: m.app_idea_title,
		problem: m.app_idea_problem,
		idea: m.app_idea_idea,
		value: m.app_idea_value
	}[field]();
}
