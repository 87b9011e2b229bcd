import { IDEAS_MAX } from './application-schemas';
import { TEAM_ORGANISATION_NAME_MAX, TEAM_ORGANISATIONS_MAX } from './team-schemas';
import { AGENDA_MAX, WORKSHOP_EXPERTS_MAX } from './workshop-schemas';

/**
 * The numbers the words of a schema's limit name ("at most {count} organisations"), by
 * the message key the schema refuses with. A form error travels as a bare key (zod's
 * message, server/http/forms.ts); translate (server/i18n.ts) fills its placeholders from
 * here, so each limit is written once, beside its rule, and its words follow the plural
 * rules of the reader's language.
 */
export const LIMIT_INPUTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
	error_team_organisations_many: { count: TEAM_ORGANISATIONS_MAX },
	error_team_organisation_long: { count: TEAM_ORGANISATION_NAME_MAX },
	error_ideas_many: { count: IDEAS_MAX },
	error_workshop_agenda_long: { count: AGENDA_MAX },
	error_workshop_expert_many: { count: WORKSHOP_EXPERTS_MAX }
};
