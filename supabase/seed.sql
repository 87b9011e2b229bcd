-- Demo data with fixed ids: the organisations and challenges of the source documents,
-- and one account for each role. Applied once, to an empty database, when SEED_DEMO
-- is not 'false'. Passwords are set by the server (local accounts) at seeding time.

insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
  ('00000000-0000-4000-8000-000000000001', 'admin@talkoot.example', now(), '{"display_name": "Aino Admin", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000002', 'owner@hel.example', now(), '{"display_name": "Olli Omistaja", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000003', 'owner@aalto.example', now(), '{"display_name": "Alva Aalto", "locale": "sv"}'),
  ('00000000-0000-4000-8000-000000000004', 'solver@team.example', now(), '{"display_name": "Sanna Solver", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000005', 'facilitator@talkoot.example', now(), '{"display_name": "Fiia Fasilitaattori", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000006', 'juror@talkoot.example', now(), '{"display_name": "Juho Juror", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000007', 'member@hel.example', now(), '{"display_name": "Minna Member", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000008', 'designer@team.example', now(), '{"display_name": "Daniel Designer", "locale": "en"}'),
  ('00000000-0000-4000-8000-000000000009', 'lead@osaamissilta.example', now(), '{"display_name": "Oona Osaaja", "locale": "fi"}'),
  ('00000000-0000-4000-8000-000000000010', 'coach@osaamissilta.example', now(), '{"display_name": "Vera Vägledare", "locale": "sv"}');

insert into public.platform_admins (user_id) values ('00000000-0000-4000-8000-000000000001');

insert into public.organisations (id, slug, name, kind, website) values
  ('10000000-0000-4000-8000-000000000001', 'city-of-helsinki', 'City of Helsinki', 'public_body', 'https://www.hel.fi'),
  ('10000000-0000-4000-8000-000000000002', 'aalto-university', 'Aalto University', 'university', 'https://www.aalto.fi'),
  ('10000000-0000-4000-8000-000000000003', 'national-land-survey', 'National Land Survey of Finland', 'agency', 'https://www.maanmittauslaitos.fi'),
  ('10000000-0000-4000-8000-000000000004', 'metsahallitus', 'Metsähallitus', 'agency', 'https://www.metsa.fi');

insert into public.organisation_members (organisation_id, user_id, role) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'owner'),
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000007', 'member'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', 'owner');

insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary, procedure, status, published_at, created_by) values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'ai-goes-to-work', 'en',
   '{"en": "AI Goes to Work", "fi": "Tekoäly töihin", "sv": "AI går till jobbet"}',
   '{"en": "How could AI help job seekers and offerers find each other better and easier than currently?",
     "fi": "Miten tekoäly voisi auttaa työnhakijoita ja työnantajia löytämään toisensa nykyistä paremmin ja helpommin?",
     "sv": "Hur kunde AI hjälpa arbetssökande och arbetsgivare att hitta varandra bättre och enklare än i dag?"}',
   'open_challenge', 'published', now() - interval '5 days', '00000000-0000-4000-8000-000000000002'),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'snow-problem', 'en',
   '{"en": "Snow Problem", "fi": "Lumiongelma", "sv": "Snöproblemet"}',
   '{"en": "Can you innovate a more convenient, safe and environmentally friendly way of treating snow?",
     "fi": "Keksitkö kätevämmän, turvallisemman ja ympäristöystävällisemmän tavan käsitellä lunta?",
     "sv": "Kan du hitta på ett smidigare, säkrare och miljövänligare sätt att hantera snö?"}',
   'open_challenge', 'published', now() - interval '4 days', '00000000-0000-4000-8000-000000000002'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000003', 'address-fix-up', 'en',
   '{"en": "Address fix up", "fi": "Osoitekorjaamo", "sv": "Adressfixaren"}',
   '{"en": "How to upgrade the quality of the municipal address database in Finland?",
     "fi": "Miten Suomen kuntien osoitetietokannan laatua voisi parantaa?",
     "sv": "Hur kan kvaliteten på kommunernas adressdatabas i Finland förbättras?"}',
   'open_challenge', 'published', now() - interval '3 days', null),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000004', 'hiking-compass', 'en',
   '{"en": "Hiking Compass", "fi": "Retkikompassi", "sv": "Vandringskompassen"}',
   '{"en": "How to improve customer interaction and use data with a digital service platform for hiking areas?",
     "fi": "Miten retkeilyalueiden asiakasvuorovaikutusta ja datan hyödyntämistä voisi parantaa digitaalisella palvelualustalla?",
     "sv": "Hur kan kundkontakten och användningen av data i vandringsområden förbättras med en digital tjänsteplattform?"}',
   'open_challenge', 'published', now() - interval '2 days', null),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000002', 'aalto-university-sdg', 'en',
   '{"en": "Aalto University SDG", "fi": "Aalto-yliopisto ja kestävän kehityksen tavoitteet", "sv": "Aalto-universitetet och målen för hållbar utveckling"}',
   '{"en": "How to engage, motivate and communicate with Aalto community members about the Sustainable Development Goals?",
     "fi": "Miten Aalto-yhteisön jäsenet saadaan innostumaan ja sitoutumaan kestävän kehityksen tavoitteisiin?",
     "sv": "Hur kan Aalto-gemenskapens medlemmar engageras och motiveras kring målen för hållbar utveckling?"}',
   'open_challenge', 'published', now() - interval '1 day', '00000000-0000-4000-8000-000000000003'),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'employment-training-partnership', 'fi',
   '{"fi": "Työllistymistä tukeva valmennus – innovaatiokumppanuus", "en": "Employment training together – innovation partnership", "sv": "Sysselsättningsträning tillsammans – innovationspartnerskap"}',
   '{"fi": "Kehitetään yhdessä valmennuspalvelu asiakkaille, jotka tarvitsevat tehostettua monialaista tukea työllistyäkseen.",
     "en": "Developing together a training service for clients who need intensified multidisciplinary support to find work.",
     "sv": "Vi utvecklar tillsammans en träningstjänst för klienter som behöver intensifierat sektorsövergripande stöd för att få arbete."}',
   'innovation_partnership', 'published', now() - interval '6 days', '00000000-0000-4000-8000-000000000002');

-- The substance, timetable, criteria and requirements of two demo challenges, with
-- dates around the day the demo is seeded so the pages show a live challenge.
update public.challenges set
  body = '{"en": "## Goal\nJob seekers and employers miss each other: vacancies go unfilled while people with the right skills look elsewhere. We want to try how AI could match people and work **better and more fairly** than keyword search.\n\n## What has been tried\n- Keyword-based job boards\n- Career guidance sessions\n\n## End users\nJob seekers served by the City of Helsinki''s employment services, and the employers who recruit them.",
           "fi": "## Tavoite\nTyönhakijat ja työnantajat eivät kohtaa: paikkoja jää täyttämättä, vaikka osaajia olisi. Haluamme kokeilla, miten tekoäly voisi yhdistää ihmiset ja työn **paremmin ja reilummin** kuin hakusanat.\n\n## Mitä on kokeiltu\n- Hakusanapohjaiset työpaikkapalvelut\n- Uraohjaus\n\n## Loppukäyttäjät\nHelsingin kaupungin työllisyyspalvelujen asiakkaat ja heitä rekrytoivat työnantajat."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2,
  -- An open challenge that opts out of sealing: its team screens as applications arrive.
  applications_unsealed = true,
  rewards = '{"en": "Proof of concept budget up to 30 000 € for up to two teams.", "fi": "Kokeilubudjetti enintään 30 000 € enintään kahdelle tiimille."}'
where id = '20000000-0000-4000-8000-000000000001';

insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory) values
  ('20000000-0000-4000-8000-000000000001', 'market_dialogue', date_trunc('day', now()) - interval '10 days', date_trunc('day', now()) + interval '10 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'applications', date_trunc('day', now()) - interval '5 days', date_trunc('day', now()) + interval '25 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'screening', date_trunc('day', now()) + interval '26 days', date_trunc('day', now()) + interval '33 days', date_trunc('day', now()) + interval '34 days', 'Head of Employment Services'),
  ('20000000-0000-4000-8000-000000000001', 'shortlisting', date_trunc('day', now()) + interval '35 days', date_trunc('day', now()) + interval '45 days', date_trunc('day', now()) + interval '46 days', 'Head of Employment Services'),
  ('20000000-0000-4000-8000-000000000001', 'workshops', date_trunc('day', now()) + interval '50 days', date_trunc('day', now()) + interval '52 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'concepts', date_trunc('day', now()) + interval '53 days', date_trunc('day', now()) + interval '80 days', null, null),
  ('20000000-0000-4000-8000-000000000001', 'selection', date_trunc('day', now()) + interval '81 days', date_trunc('day', now()) + interval '95 days', date_trunc('day', now()) + interval '96 days', 'Deputy Mayor'),
  ('20000000-0000-4000-8000-000000000001', 'proof_of_concept', date_trunc('day', now()) + interval '100 days', date_trunc('day', now()) + interval '190 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'market_dialogue', date_trunc('day', now()) - interval '90 days', date_trunc('day', now()) - interval '60 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'applications', date_trunc('day', now()) - interval '70 days', date_trunc('day', now()) - interval '40 days', null, null),
  ('20000000-0000-4000-8000-000000000003', 'screening', date_trunc('day', now()) - interval '39 days', date_trunc('day', now()) - interval '30 days', date_trunc('day', now()) - interval '30 days', 'Director General'),
  ('20000000-0000-4000-8000-000000000006', 'market_dialogue', date_trunc('day', now()) - interval '20 days', date_trunc('day', now()) + interval '5 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'applications', date_trunc('day', now()) + interval '6 days', date_trunc('day', now()) + interval '40 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'screening', date_trunc('day', now()) + interval '41 days', date_trunc('day', now()) + interval '50 days', date_trunc('day', now()) + interval '51 days', 'Head of Employment Services'),
  ('20000000-0000-4000-8000-000000000006', 'shortlisting', date_trunc('day', now()) + interval '52 days', date_trunc('day', now()) + interval '70 days', date_trunc('day', now()) + interval '71 days', 'Head of Employment Services'),
  ('20000000-0000-4000-8000-000000000006', 'workshops', date_trunc('day', now()) + interval '80 days', date_trunc('day', now()) + interval '81 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'concepts', date_trunc('day', now()) + interval '82 days', date_trunc('day', now()) + interval '120 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'selection', date_trunc('day', now()) + interval '121 days', date_trunc('day', now()) + interval '150 days', date_trunc('day', now()) + interval '151 days', 'Deputy Mayor'),
  ('20000000-0000-4000-8000-000000000006', 'proof_of_concept', date_trunc('day', now()) + interval '160 days', date_trunc('day', now()) + interval '340 days', null, null),
  ('20000000-0000-4000-8000-000000000006', 'production', date_trunc('day', now()) + interval '341 days', date_trunc('day', now()) + interval '610 days', null, null);

-- Office hours in Helsinki: stages open at 9:00 and close at 16:00, decisions at noon.
update public.challenge_stages set
  starts_at = (date_trunc('day', starts_at at time zone 'Europe/Helsinki') + interval '9 hours') at time zone 'Europe/Helsinki',
  ends_at = (date_trunc('day', ends_at at time zone 'Europe/Helsinki') + interval '16 hours') at time zone 'Europe/Helsinki',
  decision_on = (date_trunc('day', decision_on at time zone 'Europe/Helsinki') + interval '12 hours') at time zone 'Europe/Helsinki';

update public.challenges set
  body = '{"fi": "## Tausta\nTyöllistymistä tukevien valmennusten vaikuttavuus on jäänyt matalaksi (noin 10 %). Asiakkaat tarvitsevat tehostettua monialaista tukea.\n\n## Tavoite\nTyöpaikalla tapahtuva valmennus ja tuki, joka integroituu kaupungin omiin prosesseihin.\n\n## Miksi innovaatiokumppanuus?\nMarkkinoilla ei ole valmista palvelua, joka vastaisi tarpeeseen.", "en": "## Background\nThe employment impact of performance-based training has remained low (about 10 %). Our clients need intensified multidisciplinary support.\n\n## Aim\nOn-the-job training and support at the workplace, integrated into the city''s own service processes.\n\n## Why an innovation partnership?\nNo service on the market meets the need as it is."}',
  contact_name = 'Olli Omistaja', contact_email = 'owner@hel.example',
  shortlist_count = 5, partner_count = 2, price_share = 30, min_team_size = 3,
  competence_areas = array['service_design', 'project_management', 'Employment services'],
  rewards = '{"fi": "Kehitysvaiheen budjetti ja tulosperusteinen bonus tuotantovaiheessa.", "en": "Development phase budget and a result-based bonus in the production phase."}'
where id = '20000000-0000-4000-8000-000000000006';

insert into public.challenge_criteria (challenge_id, stage, position, name, max_points) values
  ('20000000-0000-4000-8000-000000000006', 'selection', 1, '{"fi": "Ratkaisun tavoitteiden mukaisuus ja innovatiivisuus", "en": "Compliance of the solution with the objectives and innovativeness"}', 30),
  ('20000000-0000-4000-8000-000000000006', 'selection', 2, '{"fi": "Ratkaisun integroitavuus", "en": "Integrability of the solution"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'selection', 3, '{"fi": "Tiimin jäsenten ammatillinen osaaminen", "en": "Professional expertise of team members"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'selection', 4, '{"fi": "Projektinhallinta monituottajaympäristössä", "en": "Project management in a multi-producer environment"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'selection', 5, '{"fi": "Tuotekehitysosaaminen ja yhteiskuntavastuu", "en": "Product development expertise and social responsibility"}', 10),
  ('20000000-0000-4000-8000-000000000006', 'shortlisting', 1, '{"fi": "Alustavan tarjouksen laatu", "en": "Quality of the preliminary tender"}', 20),
  ('20000000-0000-4000-8000-000000000001', 'shortlisting', 1, '{"en": "Relevance of the three preliminary ideas", "fi": "Alustavien ideoiden osuvuus"}', 20),
  ('20000000-0000-4000-8000-000000000001', 'shortlisting', 2, '{"en": "Complementary competences of the team", "fi": "Tiimin toisiaan täydentävä osaaminen"}', 10),
  ('20000000-0000-4000-8000-000000000001', 'selection', 1, '{"en": "Impact for job seekers and employers", "fi": "Vaikuttavuus työnhakijoille ja työnantajille"}', 40),
  ('20000000-0000-4000-8000-000000000001', 'selection', 2, '{"en": "Feasibility of the proof of concept", "fi": "Kokeilun toteutettavuus"}', 30);

insert into public.challenge_requirements (challenge_id, position, statement) values
  ('20000000-0000-4000-8000-000000000006', 1, '{"fi": "Tarjoajalla on kokemusta työllisyyspalveluista viimeisen kolmen vuoden ajalta.", "en": "The tenderer has experience of employment services from the last three years."}'),
  ('20000000-0000-4000-8000-000000000006', 2, '{"fi": "Tarjoaja on merkitty ennakkoperintärekisteriin.", "en": "The tenderer is entered in the prepayment register."}'),
  ('20000000-0000-4000-8000-000000000001', 1, '{"en": "The team processes personal data in line with the GDPR.", "fi": "Tiimi käsittelee henkilötietoja tietosuoja-asetuksen mukaisesti."}');

insert into public.challenge_questions (id, challenge_id, body, created_at, answer, answered_at, answered_by) values
  ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'May a team include members from several companies?', now() - interval '4 days',
   'Yes. A team may combine people from several organisations; the application names one lead.', now() - interval '3 days', '00000000-0000-4000-8000-000000000002');
insert into public.challenge_question_askers (question_id, asker_id) values
  ('30000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004');

-- A solver team with its members' work history and a project they did together, so
-- the coverage matrix of an application has something to show.
insert into public.teams (id, name, description, home_organisations, lead_id) values
  ('50000000-0000-4000-8000-000000000001', 'Kohtaamo Collective',
   'Developers and service designers who build matching services for the public sector.',
   array['Kohtaamo Oy', 'Aalto University'], '00000000-0000-4000-8000-000000000004');
insert into public.team_members (team_id, user_id) values
  ('50000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004'),
  ('50000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000008');
insert into public.work_entries (user_id, area, organisation, role, start_month, end_month, description) values
  ('00000000-0000-4000-8000-000000000004', 'software_development', 'Kohtaamo Oy', 'Lead developer',
   (date_trunc('month', now()) - interval '30 months')::date, null,
   'Built a skills-based job matching service used by three municipalities.'),
  ('00000000-0000-4000-8000-000000000004', 'project_management', 'Kohtaamo Oy', 'Project manager',
   (date_trunc('month', now()) - interval '20 months')::date, (date_trunc('month', now()) - interval '8 months')::date,
   'Led a multi-supplier pilot with the City of Espoo.'),
  ('00000000-0000-4000-8000-000000000008', 'service_design', 'Aalto University', 'Service designer',
   (date_trunc('month', now()) - interval '26 months')::date, (date_trunc('month', now()) - interval '2 months')::date,
   'Interviewed job seekers and employment coaches; designed the service blueprint.');
insert into public.team_projects (id, team_id, title, start_month, end_month, description, created_by) values
  ('50000000-0000-4000-8000-000000000101', '50000000-0000-4000-8000-000000000001', 'Espoo job matching pilot',
   (date_trunc('month', now()) - interval '20 months')::date, (date_trunc('month', now()) - interval '8 months')::date,
   'Designed and built a matching pilot together for Espoo employment services.',
   '00000000-0000-4000-8000-000000000004');
insert into public.team_project_members (project_id, user_id) values
  ('50000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000004'),
  ('50000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000008');

-- A second team, so that an owner screens more than one application and a facilitator
-- chooses which teams to invite. Both teams' applications to AI Goes to Work are
-- submitted by the server right after this file, the way the app submits them
-- (src/lib/server/seed-applications.ts): a snapshot and its digest cannot be written here.
insert into public.teams (id, name, description, home_organisations, lead_id) values
  ('50000000-0000-4000-8000-000000000002', 'Osaamissilta',
   'Career coaches and data analysts who help people with complex needs into work.',
   array['Osaamissilta Oy'], '00000000-0000-4000-8000-000000000009');
insert into public.team_members (team_id, user_id) values
  ('50000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000009'),
  ('50000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000010');
insert into public.work_entries (user_id, area, organisation, role, start_month, end_month, description) values
  ('00000000-0000-4000-8000-000000000009', 'business_design', 'Osaamissilta Oy', 'Founder and analyst',
   (date_trunc('month', now()) - interval '40 months')::date, null,
   'Built labour market analyses for two wellbeing services counties.'),
  ('00000000-0000-4000-8000-000000000010', 'service_design', 'Osaamissilta Oy', 'Career coach',
   (date_trunc('month', now()) - interval '28 months')::date, null,
   'Coaches long-term unemployed job seekers and designs the coaching process with them.');

-- The demo facilitator runs workshops (issue 5).
insert into public.platform_facilitators (user_id) values ('00000000-0000-4000-8000-000000000005');
