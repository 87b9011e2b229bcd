import pino from 'pino';
import { config } from './config';

/** Structured JSON logs on stdout; LOG_LEVEL=silent in tests that want quiet. */
export const log = pino({
	level: config.LOG_LEVEL,
	base: { app: 'talkoot' },
	redact: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie']
});
