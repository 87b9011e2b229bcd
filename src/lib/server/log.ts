import pino from 'pino';
import { config } from './config';

/**
 * Structured JSON logs, and text meant for a person, through one stream in the order they
 * were written. Takes the destination (stdout in the app) and the level (LOG_LEVEL;
 * `silent` in tests that want quiet); the level filters log records only, never `print`.
 *
 * Why one stream: pino's destination writes asynchronously, so text written to stdout
 * beside it (console.log) could overtake records logged before it — the demo accounts'
 * block once landed above the last "mail written" lines it is printed after.
 */
export function output(destination: pino.DestinationStream, level: string) {
	return {
		log: pino(
			{
				level,
				base: { app: 'talkoot' },
				redact: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie']
			},
			destination
		),
		/** Writes `text` and a line break after every record logged before the call. */
		print: (text: string) => destination.write(`${text}\n`)
	};
}

export const { log, print } = output(pino.destination({ dest: 1, sync: false }), config.LOG_LEVEL);
