import { z } from 'zod';
import { isFilled } from './text';
import { choiceField } from './field-errors';

// Accessibility feedback's workflow (issue 12): the accessibility statement promises an
// answer within 14 days (Act 306/2019). The database holds the same numbers
// (private.feedback_answer_days, private.feedback_reminder_days).

export const FEEDBACK_STATUSES = ['new', 'in_progress', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Days within which feedback is answered, as the accessibility statement promises. */
export const FEEDBACK_ANSWER_DAYS = 14;
/** Days before that the handler (or every admin) is reminded of an open item. */
export const FEEDBACK_REMINDER_DAYS = 3;

const DAY_MS = 86_400_000;

/** When feedback received at `createdAt` must be answered by. */
export const feedbackDue = (createdAt: Date): Date =>
	new Date(createdAt.getTime() + FEEDBACK_ANSWER_DAYS * DAY_MS);

/** Whether an item is still open (new or in progress) after its due time at `now`. */
export const feedbackOverdue = (item: { createdAt: Date; status: FeedbackStatus }, now: Date) =>
	(item.status === 'new' || item.status === 'in_progress') && feedbackDue(item.createdAt) <= now;

/** The admin's status form: the item, its status and its handler ('' for nobody). */
export const feedbackStatusSchema = z.object({
	id: z.uuid({ error: 'error_form' }),
	status: choiceField(FEEDBACK_STATUSES),
	handlerId: z
		.union([z.literal(''), z.uuid({ error: 'orgadmin_error_handler' })])
		.default('')
		.transform((v) => v || null)
});

/** The admin's reply to the sender. */
export const feedbackReplySchema = z.object({
	id: z.uuid({ error: 'error_form' }),
	reply: z
		.string({ error: 'orgadmin_error_reply_required' })
		.trim()
		.refine(isFilled, { error: 'orgadmin_error_reply_required', abort: true })
		.max(5000, { error: 'orgadmin_error_reply_long' })
});
