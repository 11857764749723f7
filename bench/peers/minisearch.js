'use strict';
// MiniSearch, in memory, as its documentation suggests: fields title, aliases, summary, tags and
// body, boosted title and aliases > summary and tags > body, prefix search and fuzzy matching
// (fuzzy: 0.2), any word may match (its default). MiniSearch has no snippets and no facets: the
// category counts are counted over its results, and the snippet is the body's first sentence-sized
// window around a matched term, with every matched term marked. The index is built at start, as
// its users build it (the time is printed). One node process, as its users run it by default.
//
//   node minisearch.js serve ARTICLES.jsonl [--port N]

const MiniSearch = require('minisearch');
const { PAGE_SIZE, readArticles, option, facets, serve } = require('./common.js');

const WINDOW = 200;

function escape(term) {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** About WINDOW characters of body around its first matched term, matches marked. */
function snippet(body, terms) {
  if (!body || terms.length === 0) return '';
  const pattern = new RegExp(`\\b(?:${terms.map(escape).join('|')})\\b`, 'gi');
  const first = pattern.exec(body);
  let start = first ? Math.max(0, first.index - WINDOW / 4) : 0;
  if (start > 0) {
    const space = body.indexOf(' ', start);
    start = space < 0 ? start : space + 1;
  }
  const text = body.slice(start, start + WINDOW);
  return (start > 0 ? '…' : '') + text.replace(pattern, '<mark>$&</mark>') + (start + WINDOW < body.length ? '…' : '');
}

async function main() {
  if (process.argv[2] !== 'serve') throw new Error('usage: node minisearch.js serve FILE [--port N]');
  const started = Date.now();
  const articles = await readArticles(process.argv[3]);
  const miniSearch = new MiniSearch({
    idField: 'slug',
    fields: ['title', 'aliases', 'summary', 'tags', 'body'],
    storeFields: ['title', 'category'],
    extractField: (doc, field) => (Array.isArray(doc[field]) ? doc[field].join(' ') : doc[field]),
    searchOptions: {
      boost: { title: 3, aliases: 3, summary: 1.5, tags: 1.5 },
      prefix: true,
      fuzzy: 0.2,
    },
  });
  miniSearch.addAll(articles);
  const bodies = new Map(articles.map((a) => [a.slug, a.body]));
  console.log(
    `indexed ${articles.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
  console.log(`build_s=${((Date.now() - started) / 1000).toFixed(1)}`);
  serve('minisearch', option('--port', '0'), articles.length, (q, category) => {
    const results = miniSearch.search(q);
    const counts = new Map();
    for (const r of results) counts.set(r.category, (counts.get(r.category) || 0) + 1);
    const matching = category ? results.filter((r) => r.category === category) : results;
    const hits = matching.slice(0, PAGE_SIZE).map((r) => ({
      slug: r.id,
      title: r.title,
      category: r.category,
      snippet: snippet(bodies.get(r.id), r.terms),
    }));
    return { total: matching.length, hits, facets: { category: facets(counts) } };
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
