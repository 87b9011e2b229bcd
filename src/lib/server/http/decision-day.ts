import type { DecisionDayFieldError } from '$lib/domain/jury/decision-day';
import { formatFinnishDay } from '$lib/domain/finnish-datetime';
import { translate } from '../i18n';

/** The decision form's day error in the reader's words, its dates as Finns write them. */
export function decisionDayMessage(e: DecisionDayFieldError): string {
	if ('earliest' in e) return translate(e.key, { earliest: formatFinnishDay(e.earliest) });
	if ('latest' in e) return translate(e.key, { latest: formatFinnishDay(e.latest) });
	return translate(e.key);
}
