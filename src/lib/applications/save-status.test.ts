import { describe, expect, it } from 'vitest';
import { canSave, saveAnswer } from './save-status';

describe('saveAnswer', () => {
	it('reads a saved version and time', () => {
		const at = '2026-11-24T10:00:00.000Z';
		expect(saveAnswer(200, { version: 4, savedAt: at }, 'x')).toEqual({
			kind: 'saved',
			version: 4,
			at: new Date(at)
		});
	});
	it('a conflict is not an error to retry', () => {
		const s = saveAnswer(409, { reason: 'conflict', message: 'Reload' }, 'x');
		expect(s).toEqual({ kind: 'conflict' });
		expect(canSave(s)).toBe(false);
	});
	it('other refusals carry the server message, or the fallback', () => {
		expect(saveAnswer(400, { reason: 'invalid', message: 'Too long' }, 'x')).toEqual({
			kind: 'error',
			message: 'Too long'
		});
		expect(saveAnswer(409, { reason: 'not_draft', message: 'Submitted' }, 'x').kind).toBe('error');
		expect(saveAnswer(500, null, 'Try again')).toEqual({ kind: 'error', message: 'Try again' });
		expect(saveAnswer(200, { nonsense: true }, 'Try again').kind).toBe('error');
	});
	it('no reply at all means offline, which is retried', () => {
		const s = saveAnswer(null, null, 'x');
		expect(s).toEqual({ kind: 'offline' });
		expect(canSave(s)).toBe(true);
	});
});
