#!/usr/bin/env node
// PouchDB's side of the first-sync comparison (bench_server_pull --compare-pouchdb): the same
// records as CouchDB documents on a running pouchdb-server, replicated into a fresh in-memory
// PouchDB, timed. Run by compare.sh, which installs what this needs into a temporary folder.
//
//   node replicate.js --records FILE.jsonl --server http://127.0.0.1:PORT
//                     [--runs 5] [--batch-size 500] [--database caseload]
//
// 1. Loads every record into a fresh remote database as a document (not timed): _id is
//    table + ":" + id, the record's own keys (table, id, case_id, version, created_at,
//    updated_at, deleted_at, fields) are the document's fields. _bulk_docs, 1,000 a request.
// 2. Times PouchDB.replicate(remote, local, {batch_size}) into a fresh memory-adapter database,
//    --runs times, each into a new local database.
// 3. Checks each local database has every document, and a few of them field for field.
// 4. Prints one machine-readable line, then one for people:
//    pouchdb_replication records=N runs=5 median_ms=X records_per_s=Y
'use strict';

const fs = require('fs');
const readline = require('readline');
const { performance } = require('perf_hooks');

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-replication'));

function fail(message) {
  console.error(`replicate.js: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { runs: 5, batchSize: 500, database: 'caseload', loadBatch: 1000 };
  const names = {
    '--records': 'records', '--server': 'server', '--runs': 'runs', '--batch-size': 'batchSize',
    '--database': 'database',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log('usage: node replicate.js --records FILE.jsonl --server URL '
        + '[--runs 5] [--batch-size 500] [--database caseload]');
      process.exit(0);
    }
    const name = names[arg];
    if (!name || i + 1 >= argv.length)
      fail(`unknown or incomplete argument: ${arg} (try --help)`);
    options[name] = argv[++i];
  }
  if (!options.records || !options.server)
    fail('--records and --server are required (try --help)');
  options.runs = Number.parseInt(options.runs, 10);
  options.batchSize = Number.parseInt(options.batchSize, 10);
  if (!(options.runs > 0) || !(options.batchSize > 0))
    fail('--runs and --batch-size must be positive whole numbers');
  options.server = options.server.replace(/\/+$/, '');
  return options;
}

async function readDocs(path) {
  const docs = [];
  const ids = new Set();
  let bytes = 0;
  let line = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  for await (const text of lines) {
    line++;
    if (!text.trim())
      continue;
    let record;
    try {
      record = JSON.parse(text);
    } catch (error) {
      fail(`${path}:${line}: not JSON: ${error.message}`);
    }
    if (typeof record.table !== 'string' || typeof record.id !== 'string')
      fail(`${path}:${line}: a record needs "table" and "id" strings`);
    const doc = { _id: `${record.table}:${record.id}`, ...record };
    if (ids.has(doc._id))
      fail(`${path}:${line}: ${doc._id} appears twice`);
    ids.add(doc._id);
    bytes += Buffer.byteLength(text);
    docs.push(doc);
  }
  return { docs, bytes };
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: response.status, json };
}

// A fresh remote database holding every document; not part of the timing.
async function loadRemote(options, docs) {
  const url = `${options.server}/${encodeURIComponent(options.database)}`;
  const removed = await call('DELETE', url);
  if (removed.status !== 200 && removed.status !== 404)
    fail(`DELETE ${url}: ${removed.status} ${JSON.stringify(removed.json)}`);
  const created = await call('PUT', url);
  if (created.status !== 201 && created.status !== 202)
    fail(`PUT ${url}: ${created.status} ${JSON.stringify(created.json)}`);
  for (let start = 0; start < docs.length; start += options.loadBatch) {
    const batch = docs.slice(start, start + options.loadBatch);
    const result = await call('POST', `${url}/_bulk_docs`, { docs: batch });
    if (result.status !== 201 || !Array.isArray(result.json))
      fail(`_bulk_docs: ${result.status} ${JSON.stringify(result.json).slice(0, 500)}`);
    const failed = result.json.filter((row) => row.error);
    if (failed.length)
      fail(`_bulk_docs: ${failed.length} documents refused, first: ${JSON.stringify(failed[0])}`);
  }
  const info = await call('GET', url);
  if (info.json.doc_count !== docs.length)
    fail(`the remote database holds ${info.json.doc_count} documents, not ${docs.length}`);
  return url;
}

function stripRevision(doc) {
  const { _rev, ...rest } = doc;
  return rest;
}

// JSON with object keys sorted at every level, to compare documents whatever their key order.
function canonical(value) {
  if (Array.isArray(value))
    return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  return JSON.stringify(value);
}

async function checkLocal(local, docs) {
  const info = await local.info();
  if (info.doc_count !== docs.length)
    fail(`the local database holds ${info.doc_count} documents, not ${docs.length}`);
  const picks = [0, Math.floor(docs.length / 2), docs.length - 1];
  for (const index of picks) {
    const expected = docs[index];
    const got = stripRevision(await local.get(expected._id));
    if (canonical(got) !== canonical(expected))
      fail(`${expected._id} differs after replication`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { docs, bytes } = await readDocs(options.records);
  if (!docs.length)
    fail(`${options.records} has no records`);
  const serverInfo = (await call('GET', `${options.server}/`)).json;

  const loadStart = performance.now();
  const remoteUrl = await loadRemote(options, docs);
  const loadMs = performance.now() - loadStart;
  console.error(`loaded ${docs.length} documents into ${remoteUrl} in ${(loadMs / 1000).toFixed(1)} s`);

  const remote = new PouchDB(remoteUrl, { skip_setup: true });
  const samples = [];
  for (let run = 0; run < options.runs; run++) {
    const local = new PouchDB(`lantern-bench-${process.pid}-${run}`, { adapter: 'memory' });
    const start = performance.now();
    const result = await PouchDB.replicate(remote, local, { batch_size: options.batchSize });
    const ms = performance.now() - start;
    if (!result.ok || result.doc_write_failures || result.docs_written !== docs.length)
      fail(`replication ${run + 1} wrote ${result.docs_written} of ${docs.length} documents`
        + ` (${result.doc_write_failures} failures): ${JSON.stringify(result.errors).slice(0, 500)}`);
    await checkLocal(local, docs);
    await local.destroy();
    samples.push(ms);
    console.error(`run ${run + 1}/${options.runs}: ${ms.toFixed(0)} ms`);
  }
  await remote.close();

  const medianMs = median(samples);
  const perSecond = docs.length / (medianMs / 1000);
  console.log(`pouchdb_replication records=${docs.length} runs=${options.runs} median_ms=${medianMs.toFixed(0)}`
    + ` records_per_s=${perSecond.toFixed(0)}`);
  console.log(`PouchDB ${PouchDB.version} (memory adapter) replicated ${docs.length} documents`
    + ` (${(bytes / 1e6).toFixed(1)} MB of records) from pouchdb-server ${serverInfo.version || '?'}`
    + ` with batch_size ${options.batchSize}: median ${(medianMs / 1000).toFixed(2)} s,`
    + ` ${Math.round(perSecond)} records/s; runs ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms`);
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
