// Writes N signed Open Badges 3.0 OpenBadgeCredentials per proof suite:
//   OUT_DIR/rdfc/    DataIntegrityProof, cryptosuite eddsa-rdfc-2022
//   OUT_DIR/jcs/     DataIntegrityProof, cryptosuite eddsa-jcs-2022
//   OUT_DIR/ed2020/  Ed25519Signature2020
//
// usage: node sign.mjs OUT_DIR N [--key-pair FILE]
//
// The issuer key is the W3C vc-di-eddsa test key pair (keyPair.json), by
// default read from <repo>/../shared/vectors/01-vc-di-eddsa/TestVectors/.
// The issuer is its did:key, which the offline loader resolves locally, so no
// keys file is needed. Output is deterministic: ids are derived from the suite
// and index, dates are fixed, and Ed25519 signatures are deterministic.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createSignCryptosuite as createJcsSignCryptosuite} from
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';

import {REPO_ROOT, createDocumentLoader, isEd25519PublicMultikey} from
  './loader.mjs';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const ED2020_CTX = 'https://w3id.org/security/suites/ed25519-2020/v1';
const DEFAULT_KEY_PAIR = path.resolve(REPO_ROOT, '..', 'shared', 'vectors',
  '01-vc-di-eddsa', 'TestVectors', 'keyPair.json');

function usage(msg) {
  if(msg) {
    console.error(`sign.mjs: ${msg}`);
  }
  console.error('usage: node sign.mjs OUT_DIR N [--key-pair FILE]');
  process.exit(2);
}

function parseArgs(argv) {
  const positional = [];
  let keyPairFile = DEFAULT_KEY_PAIR;
  for(let i = 0; i < argv.length; i++) {
    if(argv[i] === '--key-pair') {
      keyPairFile = argv[++i] ?? usage('--key-pair needs a file');
    } else if(argv[i].startsWith('--')) {
      usage(`unknown option ${argv[i]}`);
    } else {
      positional.push(argv[i]);
    }
  }
  if(positional.length !== 2) {
    usage();
  }
  const [outDir, nText] = positional;
  const n = Number(nText);
  if(!Number.isInteger(n) || n < 1) {
    usage(`N must be a positive integer, got ${JSON.stringify(nText)}`);
  }
  return {outDir, n, keyPairFile};
}

// --- deterministic content ----------------------------------------------------
function sha256hex(text) {
  return createHash('sha256').update(text).digest('hex');
}

// RFC 4122 version-4-shaped UUID derived from a seed string
function uuidFrom(seed) {
  const h = sha256hex(seed);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-` +
    `${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ACHIEVEMENTS = [
  {
    slug: 'data-analysis-fundamentals',
    name: 'Data Analysis Fundamentals',
    achievementType: 'Certificate',
    description: 'Awarded to learners who can frame an analytical question, ' +
      'clean and reshape tabular data, compute descriptive statistics, and ' +
      'communicate findings with clear charts. Holders completed six graded ' +
      'labs using real public datasets and a capstone report reviewed by two ' +
      'instructors against a published rubric.',
    narrative: 'Complete all six labs with a score of at least 80%, submit a ' +
      'capstone report that states a question, documents every cleaning step ' +
      'and justifies each chart, and pass a 40-minute proctored quiz on ' +
      'sampling, summary statistics and common visualisation mistakes.',
    fieldOfStudy: 'Data Science',
    alignment: [
      ['Analyze data to answer questions', 'ceasn:Competency',
        'https://credentialengineregistry.org/resources/ce-6a1d2b7e-0f3c-4a91-9f2e-1b8d4c2e7a10'],
      ['Statistics: Summarize, represent, and interpret data', 'CFItem',
        'https://case.example.org/uri/6b2f0c1e-3d4a-4e5f-8a9b-0c1d2e3f4a5b'],
      ['Data visualization literacy', 'CTDL',
        'https://ctdl.example.org/competencies/data-visualization']
    ],
    tag: ['data', 'statistics', 'visualization', 'spreadsheets']
  },
  {
    slug: 'workplace-first-aid',
    name: 'Workplace First Aid Responder',
    achievementType: 'License',
    description: 'Recognises the ability to assess an emergency scene, give ' +
      'cardiopulmonary resuscitation to adults and children, use an automated ' +
      'external defibrillator, control severe bleeding and manage shock until ' +
      'emergency services arrive. Skills were demonstrated in person on ' +
      'manikins and in scenario drills observed by a certified assessor.',
    narrative: 'Attend the full 16-hour course, demonstrate CPR and AED use on ' +
      'adult and child manikins to the assessor\'s standard, complete three ' +
      'scenario drills (bleeding, choking, unresponsive casualty) and score at ' +
      'least 75% on the written assessment. Renewal is required every three ' +
      'years.',
    fieldOfStudy: 'Occupational Health and Safety',
    alignment: [
      ['Provide basic emergency life support', 'ceasn:Competency',
        'https://credentialengineregistry.org/resources/ce-2c9e8f71-5b3a-4d6e-a1f0-7e4b9c3d2a18'],
      ['Respond to workplace medical emergencies', 'CTDL',
        'https://ctdl.example.org/competencies/workplace-emergency-response']
    ],
    tag: ['first aid', 'CPR', 'AED', 'safety']
  },
  {
    slug: 'intro-python-programming',
    name: 'Introduction to Python Programming',
    achievementType: 'Course',
    description: 'Certifies completion of a 10-week introductory course ' +
      'covering variables, control flow, functions, lists and dictionaries, ' +
      'file input and output, error handling and unit testing in Python 3. ' +
      'Learners wrote and tested small programs every week and finished with ' +
      'a self-directed project that was code reviewed by a peer and a tutor.',
    narrative: 'Submit all ten weekly programming exercises with passing ' +
      'automated tests, take part in at least two peer code reviews, and ' +
      'deliver a final project of at least 300 lines with its own test suite ' +
      'and a short written reflection on design choices and trade-offs.',
    fieldOfStudy: 'Computer Science',
    alignment: [
      ['Write and debug simple programs', 'CFItem',
        'https://case.example.org/uri/0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a'],
      ['Software testing fundamentals', 'ceasn:Competency',
        'https://credentialengineregistry.org/resources/ce-91b0a3c4-7d2e-4f18-b6a5-3e2d1c0b9a87'],
      ['Computational thinking', 'CTDL',
        'https://ctdl.example.org/competencies/computational-thinking']
    ],
    tag: ['python', 'programming', 'software testing']
  },
  {
    slug: 'collaborative-leadership',
    name: 'Collaborative Leadership',
    achievementType: 'Competency',
    description: 'Evidence that the holder can lead a small cross-functional ' +
      'team: setting shared goals, running inclusive meetings, resolving ' +
      'conflict constructively, delegating with clear expectations and giving ' +
      'useful feedback. Assessed through a semester-long team project, ' +
      'structured peer evaluations and a reflective portfolio with mentor ' +
      'sign-off.',
    narrative: 'Lead a team of four to six members through a project of at ' +
      'least twelve weeks, receive a median peer rating of 4 or higher on the ' +
      'five-point leadership rubric, and submit a reflective portfolio of at ' +
      'least 2,000 words that is approved by the programme mentor.',
    fieldOfStudy: 'Management',
    alignment: [
      ['Team leadership', 'ceasn:Competency',
        'https://credentialengineregistry.org/resources/ce-4e7f1a2b-8c9d-4e0f-a1b2-c3d4e5f60718'],
      ['Conflict resolution', 'CTDL',
        'https://ctdl.example.org/competencies/conflict-resolution']
    ],
    tag: ['leadership', 'teamwork', 'communication', 'soft skills']
  }
];

const GIVEN = ['Amara', 'Bastian', 'Chiara', 'Dmitri', 'Elif', 'Farah',
  'Gustavo', 'Hana', 'Isaac', 'Jomo', 'Keiko', 'Lucia', 'Mateus', 'Nadia',
  'Oskar', 'Priya'];
const FAMILY = ['Okafor', 'Lindqvist', 'Rossi', 'Petrov', 'Yilmaz', 'Haddad',
  'Almeida', 'Kim', 'Goldberg', 'Mwangi', 'Tanaka', 'Fernandez', 'Costa',
  'Rahman', 'Nilsson', 'Iyer', 'Walsh'];

function makeCredential({suite, i, issuerDid}) {
  const a = ACHIEVEMENTS[i % ACHIEVEMENTS.length];
  const given = GIVEN[i % GIVEN.length];
  const family = FAMILY[(i * 7 + 3) % FAMILY.length];
  const email = `${given}.${family}${i}@learner.example.org`.toLowerCase();
  const salt = sha256hex(`salt:${suite}:${i}`).slice(0, 16);
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  const issued = `2024-${month}-${day}T${String(8 + (i % 10)).padStart(2, '0')}` +
    `:${String((i * 13) % 60).padStart(2, '0')}:00Z`;
  const orgBase = 'https://badges.northfield-institute.example.org';

  const context = [VC_V2, OB_V3];
  if(suite === 'ed2020') {
    context.push(ED2020_CTX);
  }
  return {
    '@context': context,
    id: `urn:uuid:${uuidFrom(`credential:${suite}:${i}`)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: a.name,
    description: `${a.name}, awarded to ${given} ${family}.`,
    issuer: {
      id: issuerDid,
      type: ['Profile'],
      name: 'Northfield Institute of Technology',
      url: 'https://www.northfield-institute.example.org',
      email: 'credentials@northfield-institute.example.org'
    },
    validFrom: issued,
    awardedDate: issued,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{
        type: 'IdentityObject',
        identityHash: `sha256$${sha256hex(email + salt)}`,
        identityType: 'emailAddress',
        hashed: true,
        salt
      }],
      achievement: {
        id: `${orgBase}/achievements/${a.slug}`,
        type: ['Achievement'],
        achievementType: a.achievementType,
        name: a.name,
        description: a.description,
        criteria: {
          id: `${orgBase}/achievements/${a.slug}/criteria`,
          narrative: a.narrative
        },
        image: {
          id: `${orgBase}/achievements/${a.slug}/image.png`,
          type: 'Image',
          caption: `${a.name} badge`
        },
        fieldOfStudy: a.fieldOfStudy,
        alignment: a.alignment.map(([targetName, targetType, targetUrl]) => ({
          type: ['Alignment'],
          targetName,
          targetType,
          targetUrl
        })),
        tag: a.tag
      }
    }
    // No `credentialSchema`: its usual OB 3.0 type,
    // "1EdTechJsonSchemaValidator2019", is not defined by the VC 2.0 or
    // OB 3.0.3 contexts, so jsonld.js rejects it as a relative @type in safe
    // mode (which eddsa-rdfc-2022 and Ed25519Signature2020 use).
  };
}

// --- signing ------------------------------------------------------------------
async function main() {
  const {outDir, n, keyPairFile} = parseArgs(process.argv.slice(2));
  if(!existsSync(keyPairFile)) {
    usage(`key pair file not found: ${keyPairFile} (use --key-pair FILE)`);
  }
  const {publicKeyMultibase, privateKeyMultibase} =
    JSON.parse(readFileSync(keyPairFile, 'utf8'));
  if(!isEd25519PublicMultikey(publicKeyMultibase)) {
    throw new Error(`${keyPairFile}: publicKeyMultibase is not an Ed25519 key`);
  }
  const issuerDid = `did:key:${publicKeyMultibase}`;
  const vmId = `${issuerDid}#${publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: vmId,
    controller: issuerDid,
    publicKeyMultibase,
    secretKeyMultibase: privateKeyMultibase
  });
  const signer = key.signer();
  // make sure the secret key matches the public key before signing anything
  const probe = new TextEncoder().encode('key pair check');
  if(!await key.verifier().verify(
    {data: probe, signature: await signer.sign({data: probe})})) {
    throw new Error(`${keyPairFile}: secret key does not match public key`);
  }

  const documentLoader = createDocumentLoader();
  const date = '2024-01-01T00:00:00Z';
  const suites = {
    rdfc: () => new DataIntegrityProof(
      {signer, date, cryptosuite: eddsaRdfc2022}),
    jcs: () => new DataIntegrityProof(
      {signer, date, cryptosuite: createJcsSignCryptosuite()}),
    ed2020: () => new Ed25519Signature2020({signer, date})
  };

  const width = String(n - 1).length;
  for(const [name, makeSuite] of Object.entries(suites)) {
    const dir = path.join(outDir, name);
    mkdirSync(dir, {recursive: true});
    let bytes = 0;
    for(let i = 0; i < n; i++) {
      const credential = makeCredential({suite: name, i, issuerDid});
      const signed = await vc.issue(
        {credential, suite: makeSuite(), documentLoader});
      const text = JSON.stringify(signed, null, 2) + '\n';
      bytes += Buffer.byteLength(text);
      writeFileSync(
        path.join(dir, `ob3-${String(i).padStart(width, '0')}.json`), text);
    }
    console.error(`${name}: wrote ${n} credentials to ${dir} ` +
      `(mean ${Math.round(bytes / n)} bytes)`);
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
