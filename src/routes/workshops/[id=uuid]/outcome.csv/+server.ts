import { outcomeDownload } from '$lib/server/http/outcome-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => outcomeDownload(event, 'csv');
