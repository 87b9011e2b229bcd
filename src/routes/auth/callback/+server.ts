import { supabaseCallbackRoute } from '$lib/server/http/supabase-sign-in';
import type { RequestHandler } from './$types';

// Supabase mode only (404 otherwise): a magic link or the OAuth provider comes back here.
export const GET: RequestHandler = (event) => supabaseCallbackRoute(event);
