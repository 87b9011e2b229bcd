import { supabaseMagicLinkRoute } from '$lib/server/http/supabase-sign-in';
import type { RequestHandler } from './$types';

// Supabase mode only (404 otherwise): mails a sign-in link.
export const POST: RequestHandler = (event) => supabaseMagicLinkRoute(event);
