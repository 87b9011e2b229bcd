import { describe, expect, it } from 'vitest';
import { juryRefusal } from './jury-refusals';

describe('decision refusals in words (issue 13)', () => {
	it('answers a decision refusal with its status and words through the jury mechanism', () => {
		const refused = { code: 'TK422', hint: 'decision_too_many', message: 'decision_too_many' };
		expect(juryRefusal(refused)).toMatchObject({ code: 'decision_too_many', status: 400 });
		expect(juryRefusal(refused)?.message).not.toContain('decision_');
		expect(juryRefusal({ code: '42501', hint: 'decision_locked' })?.status).toBe(409);
		expect(juryRefusal({ code: '42501', hint: 'decision_not_chair' })?.status).toBe(403);
		expect(juryRefusal({ code: '23505', hint: 'decision_locked' })).toBeNull();
		expect(juryRefusal({ code: 'TK422', hint: 'decision_unheard_of' })).toBeNull();
	});
});
