// Reference verifier: verifies every *.json under DIR (recursively) with
// @digitalbazaar/vc verifyCredential and prints one JSON line per suite
// subfolder (the first path segment under DIR, e.g. rdfc/, jcs/, ed2020/):
//   {"suite": ..., "count": n, "seconds": s, "per_second": r, "median_ms": m}
//
// usage: node verify.mjs DIR [--repeat K] [--keys FILE]
//
// Files are read and parsed before any timing. One untimed warm-up pass over
// every credential runs first (it fills jsonld.js's context cache and JITs the
// code); its results decide pass/fail. Then, per subfolder, the whole
// verification loop (sequential, one credential at a time) is timed K times
// with process.hrtime.bigint():
//   seconds    median of the K loop times
//   per_second count / seconds
//   median_ms  median time of a single verifyCredential call, over all K loops
// Every timed call must also return verified === true. Failures go to stderr
// and make the exit status 1. Other diagnostics also go to stderr, so stdout
// carries only the JSON lines.
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createVerifyCryptosuite as createJcsVerifyCryptosuite} from
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';

import {createDocumentLoader} from './loader.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGES = [
  'jsonld', 'jsonld-signatures', '@digitalbazaar/vc',
  '@digitalbazaar/data-integrity', '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite',
  '@digitalbazaar/ed25519-signature-2020', '@digitalbazaar/ed25519-multikey',
  '@digitalbazaar/ed25519-verification-key-2020', 'rdf-canonize'
];

function usage(msg) {
  if(msg) {
    console.error(`verify.mjs: ${msg}`);
  }
  console.error('usage: node verify.mjs DIR [--repeat K] [--keys FILE]');
  process.exit(2);
}

function parseArgs(argv) {
  const positional = [];
  let repeat = 3;
  let keysFile;
  for(let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if(arg === '--repeat') {
      repeat = Number(argv[++i]);
      if(!Number.isInteger(repeat) || repeat < 1) {
        usage('--repeat needs a positive integer');
      }
    } else if(arg === '--keys') {
      keysFile = argv[++i] ?? usage('--keys needs a file');
    } else if(arg.startsWith('--')) {
      usage(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if(positional.length !== 1) {
    usage();
  }
  return {dir: positional[0], repeat, keysFile};
}

function listJsonFiles(dir) {
  const out = [];
  for(const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if(entry.isDirectory()) {
      out.push(...listJsonFiles(full));
    } else if(entry.isFile() && entry.name.endsWith('.json')) {
      out.push(full);
    }
  }
  return out.sort();
}

function packageVersion(name) {
  try {
    const file = path.join(HERE, 'node_modules', name, 'package.json');
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return null;
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// One suite instance per proof kind, shared by every credential of that kind.
function makeSuites() {
  return {
    'eddsa-rdfc-2022': new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    'eddsa-jcs-2022': new DataIntegrityProof(
      {cryptosuite: createJcsVerifyCryptosuite()}),
    Ed25519Signature2020: new Ed25519Signature2020()
  };
}

function proofKind(credential) {
  const proofs = [credential?.proof].flat().filter(Boolean);
  if(proofs.length !== 1) {
    return {error: `expected exactly one proof, found ${proofs.length}`};
  }
  const [proof] = proofs;
  if(proof.type === 'DataIntegrityProof') {
    return {kind: proof.cryptosuite};
  }
  return {kind: proof.type};
}

function errorMessages(result) {
  const messages = new Set();
  const add = err => {
    for(const e of [err].flat()) {
      if(e) {
        // jsonld.js wraps document loader errors; show the cause too
        const cause = e.details?.cause?.message;
        messages.add((e.message || String(e)) + (cause ? ` (${cause})` : ''));
      }
    }
  };
  add(result?.error);
  for(const r of result?.results ?? []) {
    add(r.error);
    add(r.purposeResult?.error);
  }
  return [...messages];
}

async function main() {
  const {dir, repeat, keysFile} = parseArgs(process.argv.slice(2));
  const documentLoader = createDocumentLoader({keysFile});
  const suites = makeSuites();

  // read + parse + group (untimed)
  const groups = new Map();
  const failures = [];
  const files = listJsonFiles(dir);
  const fileCount = files.length;
  for(const file of files) {
    const rel = path.relative(dir, file);
    const group = rel.includes(path.sep) ? rel.split(path.sep)[0] : '.';
    let credential;
    try {
      credential = JSON.parse(readFileSync(file, 'utf8'));
    } catch(e) {
      failures.push({file: rel, errors: [`unreadable JSON: ${e.message}`]});
      continue;
    }
    const {kind, error} = proofKind(credential);
    const suite = kind && suites[kind];
    if(!suite) {
      failures.push({file: rel, errors: [error ??
        `unsupported proof ${JSON.stringify(kind)}`]});
      continue;
    }
    if(!groups.has(group)) {
      groups.set(group, []);
    }
    groups.get(group).push({rel, credential, suite});
  }
  if(fileCount === 0) {
    usage(`no *.json files under ${dir}`);
  }

  const versions = Object.fromEntries(
    PACKAGES.map(name => [name, packageVersion(name)]));
  console.error(JSON.stringify({node: process.version, ...versions}));

  const verifyOne = item => vc.verifyCredential(
    {credential: item.credential, suite: item.suite, documentLoader});

  // warm-up pass (untimed); its results decide pass/fail
  for(const items of groups.values()) {
    for(const item of items) {
      const result = await verifyOne(item);
      if(result.verified !== true) {
        failures.push({file: item.rel, errors: errorMessages(result)});
        item.failed = true;
      }
    }
  }

  const lines = [];
  let timedFailures = 0;
  for(const [group, items] of [...groups.entries()].sort()) {
    const loopNs = [];
    const callNs = [];
    for(let k = 0; k < repeat; k++) {
      const start = process.hrtime.bigint();
      for(const item of items) {
        const t0 = process.hrtime.bigint();
        const result = await verifyOne(item);
        callNs.push(Number(process.hrtime.bigint() - t0));
        if(result.verified !== true && !item.failed) {
          timedFailures++;
        }
      }
      loopNs.push(Number(process.hrtime.bigint() - start));
    }
    const seconds = median(loopNs) / 1e9;
    lines.push({
      suite: group,
      count: items.length,
      seconds: Number(seconds.toFixed(4)),
      per_second: Number((items.length / seconds).toFixed(1)),
      median_ms: Number((median(callNs) / 1e6).toFixed(3))
    });
  }
  for(const line of lines) {
    console.log(JSON.stringify(line));
  }

  for(const {file, errors} of failures) {
    console.error(`FAILED ${file}: ${errors.join(' | ') || 'verified !== true'}`);
  }
  if(timedFailures) {
    console.error(`FAILED: ${timedFailures} verification(s) passed in the ` +
      'warm-up but failed in a timed loop');
  }
  const bad = failures.length + timedFailures;
  console.error(bad ?
    `${failures.length} of ${fileCount} credential(s) failed verification` :
    `all ${fileCount} credential(s) verified`);
  process.exitCode = bad ? 1 : 0;
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
