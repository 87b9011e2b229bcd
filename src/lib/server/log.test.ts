import { describe, expect, it } from 'vitest';
import { output } from './log';

describe('output', () => {
	it('prints text after the records logged before it, in one stream', () => {
		const written: string[] = [];
		const { log, print } = output({ write: (s: string) => written.push(s) }, 'info');
		log.info({ to: 'a@example.fi' }, 'mail written');
		print('Demo accounts');
		log.info('after');
		log.debug('below the level');
		print('also text');
		expect(written.map((s) => (s.startsWith('{') ? JSON.parse(s).msg : s))).toEqual([
			'mail written',
			'Demo accounts\n',
			'after',
			'also text\n'
		]);
	});

	it('keeps secrets out of the records', () => {
		const written: string[] = [];
		const { log } = output({ write: (s: string) => written.push(s) }, 'info');
		log.info({ password: 'Demo-secret', user: { token: 't0k' } }, 'signed in');
		expect(written.join('')).not.toMatch(/Demo-secret|t0k/);
	});
});
