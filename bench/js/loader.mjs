// Offline JSON-LD document loader for the reference verifier.
//
// It serves exactly three kinds of document and throws for anything else, so
// nothing is ever fetched over the network:
//   1. JSON-LD contexts bundled in <repo>/resources/contexts/ (index.json maps
//      context URL -> {"file": name, ...}; the files sit beside index.json);
//   2. did:key DIDs and their key ids for Ed25519 keys (multicodec 0xed01),
//      built locally as a DID document with one Multikey verification method;
//   3. documents listed in an optional local keys file (see loadKeysFile).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const CONTEXTS_DIR = path.join(REPO_ROOT, 'resources', 'contexts');

export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';

// --- base58btc (Bitcoin alphabet), decode only --------------------------------
const B58_ALPHABET =
  '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_MAP = new Map([...B58_ALPHABET].map((c, i) => [c, i]));

export function base58btcDecode(text) {
  const bytes = [];
  for(const ch of text) {
    let carry = B58_MAP.get(ch);
    if(carry === undefined) {
      throw new Error(`invalid base58btc character ${JSON.stringify(ch)}`);
    }
    for(let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while(carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  // each leading '1' is a leading zero byte
  for(const ch of text) {
    if(ch !== '1') {
      break;
    }
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

// Returns true if `multibase` is a base58btc multikey for an Ed25519 public
// key: 'z' + base58btc(0xed 0x01 || 32-byte key).
export function isEd25519PublicMultikey(multibase) {
  if(typeof multibase !== 'string' || !multibase.startsWith('z')) {
    return false;
  }
  let raw;
  try {
    raw = base58btcDecode(multibase.slice(1));
  } catch {
    return false;
  }
  return raw.length === 34 && raw[0] === 0xed && raw[1] === 0x01;
}

// --- did:key ------------------------------------------------------------------
export function didKeyVerificationMethod(publicKeyMultibase) {
  const did = `did:key:${publicKeyMultibase}`;
  return {
    '@context': MULTIKEY_CONTEXT_V1,
    id: `${did}#${publicKeyMultibase}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase
  };
}

export function didKeyDocument(publicKeyMultibase) {
  const did = `did:key:${publicKeyMultibase}`;
  const {'@context': _ctx, ...vm} = didKeyVerificationMethod(publicKeyMultibase);
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [vm],
    authentication: [vm.id],
    assertionMethod: [vm.id],
    capabilityDelegation: [vm.id],
    capabilityInvocation: [vm.id]
  };
}

function resolveDidKey(url) {
  const hash = url.indexOf('#');
  const did = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? null : url.slice(hash + 1);
  const mb = did.slice('did:key:'.length);
  if(!isEd25519PublicMultikey(mb)) {
    throw new Error(
      `documentLoader: unsupported did:key "${did}" (only Ed25519 ` +
      'multikeys, "z6Mk...", are resolved)');
  }
  if(fragment === null) {
    return didKeyDocument(mb);
  }
  if(fragment !== mb) {
    throw new Error(
      `documentLoader: no verification method "#${fragment}" in ${did}`);
  }
  return didKeyVerificationMethod(mb);
}

// --- keys file ----------------------------------------------------------------
// A keys file is a JSON array of documents (or {"documents": [...]}). Each
// document with a string `id` is served verbatim under that id. A document
// that has a `verificationMethod` array (a controller / DID document) also
// serves each embedded method under the method's own id, with the parent's
// `@context` added when the method has none. Nothing is inferred: a controller
// document must list the key under `assertionMethod` itself.
export function loadKeysFile(file) {
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  const docs = Array.isArray(parsed) ? parsed : parsed?.documents;
  if(!Array.isArray(docs)) {
    throw new Error(
      `keys file ${file}: expected a JSON array or {"documents": [...]}`);
  }
  const byId = new Map();
  for(const doc of docs) {
    if(!doc || typeof doc.id !== 'string') {
      throw new Error(`keys file ${file}: every document needs a string "id"`);
    }
    byId.set(doc.id, doc);
    for(const vm of Array.isArray(doc.verificationMethod) ?
      doc.verificationMethod : []) {
      if(vm && typeof vm === 'object' && typeof vm.id === 'string' &&
        !byId.has(vm.id)) {
        byId.set(vm.id, vm['@context'] ? vm :
          {'@context': doc['@context'], ...vm});
      }
    }
  }
  return byId;
}

// --- the loader ---------------------------------------------------------------
function deepFreeze(value) {
  if(value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for(const v of Object.values(value)) {
      deepFreeze(v);
    }
  }
  return value;
}

/**
 * Creates an offline document loader.
 *
 * @param {object} [options] - Options.
 * @param {string} [options.contextsDir] - Folder with index.json + contexts.
 * @param {string} [options.keysFile] - Optional keys file (see loadKeysFile).
 * @returns {Function} async url => {contextUrl, documentUrl, document}.
 */
export function createDocumentLoader({
  contextsDir = CONTEXTS_DIR, keysFile
} = {}) {
  const index = JSON.parse(
    readFileSync(path.join(contextsDir, 'index.json'), 'utf8'));
  const contextCache = new Map();
  const keys = keysFile ? loadKeysFile(keysFile) : new Map();
  keys.forEach(deepFreeze);
  const didCache = new Map();

  const remote = (url, document) => ({
    contextUrl: null, documentUrl: url, document
  });

  return async function documentLoader(url) {
    if(typeof url !== 'string') {
      throw new TypeError('documentLoader: URL must be a string');
    }
    const entry = Object.hasOwn(index, url) ? index[url] : undefined;
    if(entry) {
      let doc = contextCache.get(url);
      if(!doc) {
        const file = path.join(contextsDir, path.basename(entry.file));
        doc = deepFreeze(JSON.parse(readFileSync(file, 'utf8')));
        contextCache.set(url, doc);
      }
      return remote(url, doc);
    }
    if(keys.has(url)) {
      return remote(url, keys.get(url));
    }
    if(url.startsWith('did:key:')) {
      let doc = didCache.get(url);
      if(!doc) {
        doc = deepFreeze(resolveDidKey(url));
        didCache.set(url, doc);
      }
      return remote(url, doc);
    }
    throw new Error(
      `documentLoader: refusing to load "${url}": not a bundled context, ` +
      'not a did:key, not in the keys file (network access is disabled)');
  };
}
