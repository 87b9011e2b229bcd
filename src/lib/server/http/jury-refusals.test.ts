import { describe, expect, it } from 'vitest';
import { juryRefusal } from './jury-refusals';

describe('jury refusals in words (issue 13)', () => {
	it('answers a refusal with its status and words, and nothing else', () => {
		const refused = {
			code: 'TK422',
			hint: 'jury_score_above_max',
			message: 'jury_score_above_max'
		};
		expect(juryRefusal(refused)).toMatchObject({ code: 'jury_score_above_max', status: 400 });
		expect(juryRefusal(refused)?.message).not.toContain('jury_');
		expect(juryRefusal({ code: '42501', hint: 'jury_not_chair' })?.status).toBe(403);
		expect(juryRefusal({ code: '23505', hint: 'jury_not_chair' })).toBeNull();
		expect(juryRefusal({ code: 'TK422', hint: 'limit_invite' })).toBeNull();
		expect(juryRefusal(new Error('x'))).toBeNull();
	});
});
