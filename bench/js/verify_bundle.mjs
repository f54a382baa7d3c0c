// Verifies an LER Wallet bundle (a VCDM 2.0 VerifiablePresentation) with the Digital Bazaar stack alone:
// @digitalbazaar/vc verify() checks the holder's eddsa-rdfc-2022 authentication proof (with its challenge and
// domain) and then every Data Integrity credential in it, each with its own proof. Enveloped credentials
// (VC-JWTs in data: URLs) are not Data Integrity documents; they are listed as such, not checked here.
//
// usage: node verify_bundle.mjs BUNDLE.json
//
// Prints one JSON object: {"presentation": bool, "challenge", "domain", "credentials": [{"id", "verified"}],
// "enveloped": n, "verified": bool}. Exit status 0 when the presentation and every Data Integrity credential
// verify, 1 otherwise, 2 for a usage error. Contexts and did:key documents come from loader.mjs (offline).
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

import {createDocumentLoader} from './loader.mjs';

const file = process.argv[2];
if(!file || process.argv.length !== 3) {
  console.error('usage: node verify_bundle.mjs BUNDLE.json');
  process.exit(2);
}

const bundle = JSON.parse(readFileSync(file, 'utf8'));
const documentLoader = createDocumentLoader();
const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const proof = Array.isArray(bundle.proof) ? bundle.proof[0] : bundle.proof;
const items = Array.isArray(bundle.verifiableCredential) ?
  bundle.verifiableCredential : [bundle.verifiableCredential];
const enveloped = items.filter(item => item.type === 'EnvelopedVerifiableCredential');
const signed = items.filter(item => item.type !== 'EnvelopedVerifiableCredential');

// The holder's proof, over the whole presentation as signed (enveloped items included).
// (vc.verify also tries every credential; they are checked one by one below, so each gets its own line.)
const holder = await vc.verify({
  presentation: bundle, challenge: proof?.challenge, domain: proof?.domain, suite, documentLoader
}).catch(error => ({verified: false, error}));
const presentationOnly = holder.presentationResult ?? holder;

const credentials = [];
for(const credential of signed) {
  const result = await vc.verifyCredential({credential, suite, documentLoader})
    .catch(error => ({verified: false, error}));
  credentials.push({
    id: credential.id ?? null, verified: result.verified === true,
    ...(result.verified ? {} : {error: String(result.error?.message ?? result.error ??
      result.results?.[0]?.error?.message ?? 'not verified')})
  });
}

const report = {
  presentation: presentationOnly.verified === true,
  challenge: proof?.challenge ?? null,
  domain: proof?.domain ?? null,
  credentials,
  enveloped: enveloped.length,
  verified: presentationOnly.verified === true && credentials.every(c => c.verified)
};
if(!report.presentation) {
  report.presentationError = String(presentationOnly.error?.message ?? presentationOnly.error ??
    presentationOnly.results?.[0]?.error?.message ?? 'not verified');
}
console.log(JSON.stringify(report));
process.exit(report.verified ? 0 : 1);
