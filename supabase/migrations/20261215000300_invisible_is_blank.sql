-- Text that shows nothing is blank (issue 17, found by an outside tester). A required text
-- of zero-width spaces, word joiners and no-break spaces (U+200B, U+2060, U+00A0, U+FEFF…)
-- passed every "required" check: a decision published with an empty departure
-- justification, a signatory of nothing, a final tender with an invisible summary, a
-- challenge titled with nothing (its row in the owner's list has no visible link).
-- private.is_blank and isBlank (src/lib/domain/text.ts) counted only the whitespace
-- JavaScript's trim() removes; now both also count the format characters (Unicode general
-- category Cf): text is blank when it consists only of whitespace and format characters.
-- Text that merely contains them (an emoji joined by U+200D, Persian with U+200C) is not.
--
-- Stored text is still trimmed of whitespace only (private.js_trim, private.jury_trim):
-- a leading or trailing format character may carry meaning (a right-to-left mark before
-- Arabic, the cancel tag U+E007F closing a flag emoji), and what is stored stays what the
-- form showed. Only the question "is anything there?" changes.
--
-- Every check of required text that did not already ask private.is_blank is redefined
-- below to ask it, otherwise unchanged from its latest definition.

-- Every format character (Cf, Unicode 17), in code point order: the list isBlank's
-- FORMAT_CHARACTERS holds (tests/integration/rule-parity.test.ts compares the two; PGlite
-- has no ICU to ask for the category).
create function private.format_characters() returns text
language sql immutable set search_path = ''
as $$
  select
    E'\u00AD\u0600\u0601\u0602\u0603\u0604\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E' ||
    E'\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063' ||
    E'\u2064\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\uFEFF\uFFF9\uFFFA' ||
    E'\uFFFB\U000110BD\U000110CD\U00013430\U00013431\U00013432\U00013433\U00013434\U00013435\U00013436\U00013437\U00013438\U00013439\U0001343A' ||
    E'\U0001343B\U0001343C\U0001343D\U0001343E\U0001343F\U0001BCA0\U0001BCA1\U0001BCA2\U0001BCA3\U0001D173\U0001D174\U0001D175\U0001D176\U0001D177' ||
    E'\U0001D178\U0001D179\U0001D17A\U000E0001\U000E0020\U000E0021\U000E0022\U000E0023\U000E0024\U000E0025\U000E0026\U000E0027\U000E0028\U000E0029' ||
    E'\U000E002A\U000E002B\U000E002C\U000E002D\U000E002E\U000E002F\U000E0030\U000E0031\U000E0032\U000E0033\U000E0034\U000E0035\U000E0036\U000E0037' ||
    E'\U000E0038\U000E0039\U000E003A\U000E003B\U000E003C\U000E003D\U000E003E\U000E003F\U000E0040\U000E0041\U000E0042\U000E0043\U000E0044\U000E0045' ||
    E'\U000E0046\U000E0047\U000E0048\U000E0049\U000E004A\U000E004B\U000E004C\U000E004D\U000E004E\U000E004F\U000E0050\U000E0051\U000E0052\U000E0053' ||
    E'\U000E0054\U000E0055\U000E0056\U000E0057\U000E0058\U000E0059\U000E005A\U000E005B\U000E005C\U000E005D\U000E005E\U000E005F\U000E0060\U000E0061' ||
    E'\U000E0062\U000E0063\U000E0064\U000E0065\U000E0066\U000E0067\U000E0068\U000E0069\U000E006A\U000E006B\U000E006C\U000E006D\U000E006E\U000E006F' ||
    E'\U000E0070\U000E0071\U000E0072\U000E0073\U000E0074\U000E0075\U000E0076\U000E0077\U000E0078\U000E0079\U000E007A\U000E007B\U000E007C\U000E007D' ||
    E'\U000E007E\U000E007F'
$$;
revoke execute on function private.format_characters() from public, anon, authenticated;

-- Whether a text shows nothing: empty, null, or only the whitespace JavaScript's trim()
-- removes and format characters. Redefined from 20261201000700_one_rule_each.sql.
create or replace function private.is_blank(t text) returns boolean
language sql immutable set search_path = ''
as $$
  select pg_catalog.btrim(coalesce(t, ''),
    E' \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF'
    || private.format_characters()) = ''
$$;
