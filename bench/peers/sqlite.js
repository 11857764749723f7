'use strict';
// SQLite FTS5 through better-sqlite3: one FTS5 table over title, aliases, summary, tags and body
// with the Porter stemmer, the query's words OR'ed (any word may match, as rapport-kb and the
// project's relevance peer do), ranked by bm25() with column weights (title and aliases over
// summary and tags over body), snippet() on the top hits, and category counts per query. One node
// process, and so one SQLite connection, as its users run it by default.
//
//   node sqlite.js load ARTICLES.jsonl DB     build the database file
//   node sqlite.js serve DB [--port N]        answer /search

const Database = require('better-sqlite3');
const fs = require('node:fs');
const { PAGE_SIZE, readArticles, option, facets, serve } = require('./common.js');

// Column order: slug, category (not indexed), title, aliases, summary, tags, body.
const WEIGHTS = '0.0, 0.0, 10.0, 8.0, 4.0, 4.0, 1.0';

async function load(file, path) {
  const started = Date.now();
  const articles = await readArticles(file);
  fs.rmSync(path, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE VIRTUAL TABLE articles USING fts5(
             slug UNINDEXED, category UNINDEXED, title, aliases, summary, tags, body,
             tokenize = 'porter unicode61')`);
  const insert = db.prepare(
    'INSERT INTO articles (slug, category, title, aliases, summary, tags, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const a of articles) {
      insert.run(a.slug, a.category, a.title, a.aliases.join('; '), a.summary, a.tags.join(' '), a.body);
    }
  })();
  db.exec("INSERT INTO articles (articles) VALUES ('optimize')");
  db.close();
  console.log(
    `built ${articles.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `database ${(fs.statSync(path).size / 1048576).toFixed(0)} MB`);
  console.log(`build_s=${((Date.now() - started) / 1000).toFixed(1)}`);
}

/** The FTS5 expression for a user's words: each word quoted, OR'ed; null when there is none. */
function expression(q) {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' OR ') : null;
}

function main() {
  const command = process.argv[2];
  if (command === 'load') return load(process.argv[3], process.argv[4]);
  if (command !== 'serve') throw new Error('usage: node sqlite.js load FILE DB | serve DB [--port N]');
  const db = new Database(process.argv[3], { readonly: true });
  const top = db.prepare(
    `SELECT slug, title, category, snippet(articles, 6, '<mark>', '</mark>', '…', 24) AS snippet
     FROM articles WHERE articles MATCH ? ORDER BY bm25(articles, ${WEIGHTS}) LIMIT ${PAGE_SIZE}`);
  const topIn = db.prepare(
    `SELECT slug, title, category, snippet(articles, 6, '<mark>', '</mark>', '…', 24) AS snippet
     FROM articles WHERE articles MATCH ? AND category = ?
     ORDER BY bm25(articles, ${WEIGHTS}) LIMIT ${PAGE_SIZE}`);
  const byCategory = db.prepare(
    'SELECT category, count(*) AS n FROM articles WHERE articles MATCH ? GROUP BY category');
  const count = db.prepare('SELECT count(*) AS n FROM articles').get().n;
  serve('sqlite', option('--port', '0'), count, (q, category) => {
    const match = expression(q);
    if (match === null) return { total: 0, hits: [], facets: { category: [] } };
    const hits = category ? topIn.all(match, category) : top.all(match);
    const counts = new Map(byCategory.all(match).map((r) => [r.category, r.n]));
    let total = 0;
    for (const [value, n] of counts) if (!category || value === category) total += n;
    return { total, hits, facets: { category: facets(counts) } };
  });
}

Promise.resolve()
  .then(main)
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
