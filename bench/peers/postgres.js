'use strict';
// PostgreSQL full-text search, as Wiki.js and Outline use it: one tsvector per article weighted
// A (title, aliases), B (summary, tags), C (body), a GIN index on it, the query parsed by
// websearch_to_tsquery (every word must match, as in those wikis), ranked by ts_rank_cd, snippets
// by ts_headline on the top hits only, and category counts per query. Served by node's http server
// with the pg package's default pool (10 connections). The connection comes from PGHOST, PGPORT,
// PGUSER and PGDATABASE.
//
//   node postgres.js load ARTICLES.jsonl     create the table and its index, load the articles
//   node postgres.js serve [--port N]        answer /search

const { Pool } = require('pg');
const { PAGE_SIZE, readArticles, option, facets, serve } = require('./common.js');

const SCHEMA = `
DROP TABLE IF EXISTS articles;
CREATE TABLE articles (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  title text NOT NULL,
  aliases text NOT NULL,
  summary text NOT NULL,
  tags text NOT NULL,
  category text NOT NULL,
  level text NOT NULL,
  body text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title || ' ' || aliases), 'A') ||
    setweight(to_tsvector('english', summary || ' ' || tags), 'B') ||
    setweight(to_tsvector('english', body), 'C')) STORED
);`;

// One round trip per search: the matches with their rank, the top hits of the category asked for
// with their headlines, and the count of matches per category.
const SEARCH = `
WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q),
matches AS (
  SELECT a.id, a.category, ts_rank_cd(a.tsv, query.q) AS rank
  FROM articles a, query WHERE a.tsv @@ query.q),
top AS (
  SELECT id, rank FROM matches WHERE $2::text IS NULL OR category = $2
  ORDER BY rank DESC, id LIMIT ${PAGE_SIZE})
SELECT 0 AS part, a.slug, a.title, a.category,
       ts_headline('english', a.body, query.q,
                   'MaxFragments=1, MinWords=20, MaxWords=30, StartSel=<mark>, StopSel=</mark>') AS snippet,
       top.rank, 0::bigint AS n
FROM top JOIN articles a USING (id), query
UNION ALL
SELECT 1, NULL, NULL, category, NULL, NULL, count(*) FROM matches GROUP BY category
ORDER BY part, rank DESC`;

async function load(file) {
  const pool = new Pool({ max: 1 });
  const started = Date.now();
  const articles = await readArticles(file);
  await pool.query(SCHEMA);
  const batch = 500;
  for (let i = 0; i < articles.length; i += batch) {
    const rows = articles.slice(i, i + batch).map((a) => ({
      slug: a.slug,
      title: a.title,
      aliases: a.aliases.join('; '),
      summary: a.summary,
      tags: a.tags.join(' '),
      category: a.category,
      level: a.level,
      body: a.body,
    }));
    await pool.query(
      `INSERT INTO articles (slug, title, aliases, summary, tags, category, level, body)
       SELECT slug, title, aliases, summary, tags, category, level, body
       FROM json_to_recordset($1::json) AS x(slug text, title text, aliases text, summary text,
                                             tags text, category text, level text, body text)`,
      [JSON.stringify(rows)]);
  }
  const loaded = Date.now();
  await pool.query('CREATE INDEX articles_tsv ON articles USING gin (tsv)');
  await pool.query('VACUUM ANALYZE articles');
  const size = await pool.query("SELECT pg_size_pretty(pg_total_relation_size('articles')) AS size");
  console.log(
    `loaded ${articles.length} articles in ${((loaded - started) / 1000).toFixed(1)} s, ` +
      `GIN index and ANALYZE in ${((Date.now() - loaded) / 1000).toFixed(1)} s; ` +
      `table with index ${size.rows[0].size}`);
  console.log(`build_s=${((Date.now() - started) / 1000).toFixed(1)}`);
  await pool.end();
}

async function main() {
  const command = process.argv[2];
  if (command === 'load') {
    await load(process.argv[3]);
    return;
  }
  if (command !== 'serve') throw new Error('usage: node postgres.js load FILE | serve [--port N]');
  const pool = new Pool();
  pool.on('error', (e) => console.error('pool:', e.message));
  const count = (await pool.query('SELECT count(*)::int AS n FROM articles')).rows[0].n;
  serve('postgres', option('--port', '0'), count, async (q, category) => {
    const { rows } = await pool.query(SEARCH, [q, category]);
    const hits = [];
    const counts = new Map();
    for (const row of rows) {
      if (row.part === 0) {
        hits.push({ slug: row.slug, title: row.title, category: row.category, snippet: row.snippet });
      } else {
        counts.set(row.category, Number(row.n));
      }
    }
    let total = 0;
    for (const [value, n] of counts) if (!category || value === category) total += n;
    return { total, hits, facets: { category: facets(counts) } };
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
