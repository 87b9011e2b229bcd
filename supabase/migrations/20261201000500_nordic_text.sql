-- Nordic text (issue 11, items 4 and 5): lists in the reader's alphabet on PGlite (no ICU
-- collations) and Postgres alike, and search the way a Finn types.

-- Text compared byte by byte whatever the database's collation: the type of sort keys.
create domain public.byte_text as text collate "C";

-- A key whose byte order is the reader's alphabetical order, case- and accent-insensitive
-- (Intl.Collator(locale, { sensitivity: 'base' }) for Latin text; the property test in
-- tests/integration/sort-key.test.ts holds it to that):
--   fi, sv: a … z å ä ö, with ü = y, æ = ä, ø = ö, é = e, ß = ss (CLDR's Finnish and
--           Swedish collations; sv also œ = ö and þ = th)
--   en (and anything else): accents folded, æ = ae, œ = oe, ß = ss
-- Whitespace first, then ASCII punctuation in CLDR's order, digits, letters. A letter the
-- table does not know sorts after z by its code point.
-- Use: order by public.sort_key(name, $locale), name.
create function public.sort_key(name text, locale text)
returns public.byte_text
language sql immutable parallel safe strict set search_path = ''
as $$
  select (case locale
    when 'fi' then translate(replace(replace(replace(replace(replace(t, 'ß', 'ss'), 'Ĳ', 'ij'), 'ĳ', 'ij'), 'Œ', 'oe'), 'œ', 'oe'),
      E'\x09\x0a\x0d\u00a0 _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŊŋŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưƷǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǤǥǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
      E'\x01\x01\x01\x01\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !abcdefghijklmnopqrstuvwxyzaaaa|{|ceeeeiiiidnoooo}}uuuyyaaaa|{|ceeeeiiiidnoooo}}uuuyyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiijjkkllllllllllnnnnnnnnoooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsoouuzaaiioouuyyyyyyyy||aa||ggggkkoooozzjggnn{{||}}aaaaeeeeiiiioooorrrruuuusstthhaaee}}ooooooyy')
    when 'sv' then translate(replace(replace(replace(replace(replace(t, 'ß', 'ss'), 'Ĳ', 'ij'), 'ĳ', 'ij'), 'Þ', 'th'), 'þ', 'th'),
      E'\x09\x0a\x0d\u00a0 _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
      E'\x01\x01\x01\x01\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !abcdefghijklmnopqrstuvwxyzaaaa|{|ceeeeiiiidnoo}o}}uuuyyaaaa|{|ceeeeiiiidnoo}o}}uuuyyyaaaaaaccccccccddddeeeeee||eegggggggghhhhiiiiiiiiijjkkllllllllllnnnnnnoooo}}}}rrrrrrssssssssttttuuuuuuuuyyuuwwyyyzzzzzzsoouuaaiioouuyyyyyyyy||aa||ggkkoooojggnn{{||}}aaaaeeeeiiiioooorrrruuuusstthhaaee}}ooooooyy')
    else translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t, 'ß', 'ss'), 'Ĳ', 'ij'), 'ĳ', 'ij'), 'Œ', 'oe'), 'œ', 'oe'), 'Æ', 'ae'), 'æ', 'ae'), 'Ǣ', 'ae'), 'ǣ', 'ae'), 'Ǽ', 'ae'), 'ǽ', 'ae'),
      E'\x09\x0a\x0d\u00a0 _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
      E'\x01\x01\x01\x01\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !abcdefghijklmnopqrstuvwxyzaaaaaaceeeeiiiidnoooooouuuuyaaaaaaceeeeiiiidnoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzsoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaooaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy')end)::public.byte_text
  from (select regexp_replace(normalize(name, nfc), '[\u0300-\u036f]', '', 'g') as t) n
$$;
-- Pure, reads no table: visitors' lists (organisations, challenges) are sorted by it.
grant execute on function public.sort_key(text, text) to anon, authenticated;

-- Search the way a Finn types (issue 11, item 5). Words are compared folded (ä → a,
-- ö → o, å → a, é → e, ß → ss …): the same table as foldForSearch in
-- src/lib/domain/search.ts. unaccent() is only STABLE, so it cannot feed a stored
-- column or an index; this table is IMMUTABLE and the same on PGlite and Postgres.
create function public.search_fold(t text)
returns text
language sql immutable parallel safe strict set search_path = ''
as $$
  select translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t, 'ß', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Ĳ', 'ij'), 'ĳ', 'ij'), 'Þ', 'th'), 'þ', 'th'), 'Ǣ', 'ae'), 'ǣ', 'ae'), 'Ǽ', 'ae'), 'ǽ', 'ae'),
    'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
    'abcdefghijklmnopqrstuvwxyzaaaaaaceeeeiiiidnoooooouuuuyaaaaaaceeeeiiiidnoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzsoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaooaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy')
  from (select regexp_replace(normalize(t, nfc), '[\u0300-\u036f]', '', 'g') as t) n
$$;
-- The generated columns below call it when a challenge is written (never by a visitor).
grant execute on function public.search_fold(text) to authenticated;

-- Trigram similarity for small typos, in the schema Supabase keeps extensions in.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated;
create extension if not exists pg_trgm with schema extensions;
-- Functions are executable by nobody by default here (20261130000100_least_privilege.sql):
-- the list page, also for visitors, uses the `%>` operator (indexable: the column on its
-- left) and word_similarity, both pure.
grant execute on function extensions.word_similarity(text, text),
  extensions.word_similarity_commutator_op(text, text) to anon, authenticated;

-- The folded words of a challenge: the stems of the list query (prefixQuery) are matched
-- against search_words, typos against search_folded (titles and summaries) by trigrams.
alter table public.challenges
  add column search_folded text generated always as (public.search_fold(
    coalesce(title ->> 'fi', '') || ' ' || coalesce(title ->> 'sv', '') || ' ' || coalesce(title ->> 'en', '')
    || ' ' || coalesce(summary ->> 'fi', '') || ' ' || coalesce(summary ->> 'sv', '') || ' '
    || coalesce(summary ->> 'en', ''))) stored,
  add column search_words tsvector generated always as (
    setweight(to_tsvector('simple', public.search_fold(coalesce(title ->> 'fi', '') || ' '
      || coalesce(title ->> 'sv', '') || ' ' || coalesce(title ->> 'en', ''))), 'A')
    || setweight(to_tsvector('simple', public.search_fold(coalesce(summary ->> 'fi', '') || ' '
      || coalesce(summary ->> 'sv', '') || ' ' || coalesce(summary ->> 'en', '') || ' '
      || coalesce(body ->> 'fi', '') || ' ' || coalesce(body ->> 'sv', '') || ' '
      || coalesce(body ->> 'en', ''))), 'B')) stored;
create index challenges_search_words_idx on public.challenges using gin (search_words);
create index challenges_search_folded_idx on public.challenges
  using gin (search_folded extensions.gin_trgm_ops);
