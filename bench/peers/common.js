'use strict';
// What the peer servers share: reading the exported corpus, and one HTTP server that answers
//   GET /search?q=WORDS&category=SLUG  ->  {"query","total","hits":[{"slug","title","category","snippet"}],
//                                          "facets":{"category":[{"value","count"}]}}
//   GET /health                        ->  {"status":"ok","articles":N}
// roughly what rapport-kb's /api/search returns: the top 10 hits with a snippet, the number of
// matching articles, and how many match in each category (counted without the category filter, as
// rapport-kb's facets are). Each server is one node process, as its users run it by default.

const fs = require('node:fs');
const http = require('node:http');
const readline = require('node:readline');

const PAGE_SIZE = 10;

/** The articles of a file CorpusExport wrote, one JSON object per line. */
async function readArticles(file) {
  const articles = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') articles.push(JSON.parse(line));
  }
  return articles;
}

/** The value of --name in argv, or fallback. */
function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Category counts from a map of slug to count, most first, as facets. */
function facets(counts) {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([value, count]) => ({ value, count }));
}

/**
 * Serves search(query, category) -> {total, hits, facets} on 127.0.0.1:port (0: a free one) and
 * prints "NAME ready at http://127.0.0.1:PORT" once listening.
 */
function serve(name, port, articles, search) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let status = 200;
    let body;
    try {
      if (url.pathname === '/search') {
        const query = url.searchParams.get('q') || '';
        const category = url.searchParams.get('category') || null;
        body = { query, ...(await search(query, category)) };
      } else if (url.pathname === '/health') {
        body = { status: 'ok', articles };
      } else {
        status = 404;
        body = { error: 'not_found' };
      }
    } catch (e) {
      status = 500;
      body = { error: 'search_failed', message: String(e && e.message) };
    }
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
    res.end(bytes);
  });
  server.listen(Number(port), '127.0.0.1', () => {
    console.log(`${name} ready at http://127.0.0.1:${server.address().port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return server;
}

module.exports = { PAGE_SIZE, readArticles, option, facets, serve };
