import { describe, expect, it } from 'vitest';
import { auditQueryInput, auditQuerySchema, olderPageSearch } from './audit-filters';

const parse = (q: Record<string, string>) => auditQuerySchema.safeParse(q);
const firstError = (q: Record<string, string>) => {
	const r = parse(q);
	return r.success ? null : r.error.issues[0].message;
};

describe('the audit view query', () => {
	it('reads blank fields as no filter', () => {
		expect(parse({ action: '', actor: ' ', target: '', from: '', to: '', before: '' })).toEqual({
			success: true,
			data: {}
		});
	});

	it('keeps the filters it knows', () => {
		const r = parse({
			action: 'sign_in_failed',
			actor: ' ada@x.example ',
			from: '2026-12-01',
			to: '2026-12-01',
			before: '42'
		});
		expect(r.data).toEqual({
			action: 'sign_in_failed',
			actor: 'ada@x.example',
			from: '2026-12-01',
			to: '2026-12-01',
			before: '42'
		});
	});

	it('refuses an unknown action, a day that does not exist, a reversed range, a bad page', () => {
		expect(firstError({ action: 'drop_table' })).toBe('audit_error_action');
		expect(firstError({ from: '2026-02-30' })).toBe('audit_error_day');
		expect(firstError({ to: 'yesterday' })).toBe('audit_error_day');
		expect(firstError({ from: '2026-12-02', to: '2026-12-01' })).toBe('audit_error_range');
		expect(firstError({ before: '0' })).toBe('audit_error_page');
		expect(firstError({ before: '1e9' })).toBe('audit_error_page');
		expect(firstError({ before: '9'.repeat(19) })).toBe('audit_error_page');
		expect(firstError({ actor: 'a'.repeat(321) })).toBe('audit_error_too_long');
	});

	it('takes the last of repeated fields and ignores unknown ones', () => {
		const input = auditQueryInput(new URLSearchParams('action=sign_in&action=sign_out&x=1'));
		expect(input).toEqual({ action: 'sign_out' });
	});

	it('links the older page with the same filters', () => {
		expect(olderPageSearch({ action: 'decision', actor: 'a b' }, '17')).toBe(
			'?action=decision&actor=a+b&before=17'
		);
	});
});
