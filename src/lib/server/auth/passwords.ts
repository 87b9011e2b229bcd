import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

// Algorithm 2 is argon2id; the other parameters are OWASP's recommended minimum.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

const zxcvbn = new ZxcvbnFactory({
	dictionary: common.dictionary,
	graphs: common.adjacencyGraphs
});

/**
 * A password is too common when it is in the common-password lists or is guessable
 * from them (repeats, sequences, keyboard walks, l33t): zxcvbn score below 3.
 */
export function isCommonPassword(password: string, userInputs: string[] = []): boolean {
	return zxcvbn.check(password, userInputs).score < 3;
}
