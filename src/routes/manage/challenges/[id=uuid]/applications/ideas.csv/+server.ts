import { ideasCsv } from '$lib/server/applications/export';
import { csvDownload } from '$lib/server/http/csv-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => csvDownload(event, 'ideas', ideasCsv);
