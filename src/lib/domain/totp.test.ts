import { generateTOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import {
	groupedSecret,
	matchTotp,
	recoveryCodes,
	recoveryCodeShape,
	secretText,
	totpCode,
	totpCounter,
	totpUri
} from './totp';
import { describeUserAgent } from './user-agent';

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890".
const RFC_KEY = new TextEncoder().encode('12345678901234567890');

describe('TOTP', () => {
	it('gives the codes of RFC 6238 (last six digits of the test vectors)', () => {
		expect(totpCode(RFC_KEY, totpCounter(59_000))).toBe('287082');
		expect(totpCode(RFC_KEY, totpCounter(1_111_111_109_000))).toBe('081804');
		expect(totpCode(RFC_KEY, totpCounter(2_000_000_000_000))).toBe('279037');
	});

	it('agrees with what an app shows now (@oslojs/otp generateTOTP)', () => {
		expect(totpCode(RFC_KEY, totpCounter(Date.now()))).toBe(generateTOTP(RFC_KEY, 30, 6));
	});

	it('takes the code of this step and of one step either side, and names the step', () => {
		const now = 1_111_111_109_000;
		const step = totpCounter(now);
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step), now, -1)).toBe(step);
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step - 1), now, -1)).toBe(step - 1);
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step + 1), now, -1)).toBe(step + 1);
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step - 2), now, -1)).toBeNull();
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step + 2), now, -1)).toBeNull();
	});

	it('refuses a code used before, or older than one used (replay)', () => {
		const now = 1_111_111_109_000;
		const step = totpCounter(now);
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step), now, step)).toBeNull();
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step - 1), now, step)).toBeNull();
		expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step + 1), now, step)).toBe(step + 1);
	});

	it('reads a code typed with spaces and refuses what is not six digits', () => {
		const now = 59_000;
		expect(matchTotp(RFC_KEY, ' 287 082 ', now, -1)).toBe(1);
		expect(matchTotp(RFC_KEY, '28708', now, -1)).toBeNull();
		expect(matchTotp(RFC_KEY, 'abcdef', now, -1)).toBeNull();
		expect(matchTotp(RFC_KEY, '', now, -1)).toBeNull();
	});

	it('shows the secret in base32 groups and as an otpauth address', () => {
		expect(secretText(RFC_KEY)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
		expect(groupedSecret(RFC_KEY)).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
		const uri = new URL(totpUri('Talkoot', 'a@b.example', RFC_KEY));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.searchParams.get('secret')).toBe(secretText(RFC_KEY));
		expect(uri.searchParams.get('issuer')).toBe('Talkoot');
		expect(uri.searchParams.get('digits')).toBe('6');
		expect(uri.searchParams.get('period')).toBe('30');
	});
});

describe('recovery codes', () => {
	it('are ten distinct codes of ten unambiguous characters', () => {
		const codes = recoveryCodes((b) => crypto.getRandomValues(b));
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
	});

	it('are read however they are typed, and nothing else passes as one', () => {
		expect(recoveryCodeShape('abcde-fghjk')).toBe('ABCDEFGHJK');
		expect(recoveryCodeShape(' ABCDE FGHJK ')).toBe('ABCDEFGHJK');
		expect(recoveryCodeShape('ABCDE-FGHI1')).toBeNull();
		expect(recoveryCodeShape('123456')).toBeNull();
	});
});

describe('describeUserAgent', () => {
	it('names common browsers and systems, and admits what it does not know', () => {
		expect(
			describeUserAgent(
				'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'
			)
		).toEqual({ browser: 'Chrome', system: 'Linux' });
		expect(
			describeUserAgent(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
			)
		).toEqual({ browser: 'Safari', system: 'iOS' });
		expect(
			describeUserAgent(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
			)
		).toEqual({ browser: 'Firefox', system: 'Windows' });
		expect(describeUserAgent('curl/8.0')).toEqual({ browser: null, system: null });
		expect(describeUserAgent(null)).toEqual({ browser: null, system: null });
	});
});
