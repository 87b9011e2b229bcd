import { describe, expect, it } from 'vitest';
import {
	feedbackDue,
	feedbackOverdue,
	feedbackReplySchema,
	feedbackStatusSchema
} from './feedback';

describe('accessibility feedback workflow (issue 12)', () => {
	const created = new Date('2026-12-01T10:00:00Z');

	it('is due 14 days after it arrived, and overdue only while open', () => {
		expect(feedbackDue(created).toISOString()).toBe('2026-12-15T10:00:00.000Z');
		const after = new Date('2026-12-15T10:00:01Z');
		expect(feedbackOverdue({ createdAt: created, status: 'new' }, after)).toBe(true);
		expect(feedbackOverdue({ createdAt: created, status: 'in_progress' }, after)).toBe(true);
		expect(feedbackOverdue({ createdAt: created, status: 'answered' }, after)).toBe(false);
		expect(feedbackOverdue({ createdAt: created, status: 'new' }, created)).toBe(false);
	});

	it('reads the status form: an empty handler is nobody', () => {
		const id = '00000000-0000-4000-8000-000000000001';
		expect(feedbackStatusSchema.parse({ id, status: 'in_progress', handlerId: '' })).toEqual({
			id,
			status: 'in_progress',
			handlerId: null
		});
		expect(feedbackStatusSchema.safeParse({ id, status: 'lost' }).success).toBe(false);
		expect(feedbackReplySchema.safeParse({ id, reply: '  ' }).error?.issues[0].message).toBe(
			'orgadmin_error_reply_required'
		);
	});
});
