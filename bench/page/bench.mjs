// The workloads, each a function the runner (bench/run.mjs) times in this page: certbench's
// wasm (bench/src/lib.rs, the same core calls the app makes) beside @peculiar/x509 and
// WebCrypto doing the same work. Every function returns a value derived from all its work.
import init, * as certbench from '../pkg/certbench_bench.js';
import * as pkijs from '../pkg/pkijs.js';

const x509 = globalThis.x509;
const now = () => Date.now() / 1000;
const pemBlocks = (text) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
const bytes = (text) => new TextEncoder().encode(text);

/** Decode: every certificate of the bundle read into the fields a report shows. */
async function decodePeculiar(pem) {
  const out = [];
  for (const block of pemBlocks(pem)) {
    const cert = new x509.X509Certificate(block);
    out.push({
      subject: cert.subject, issuer: cert.issuer, serial: cert.serialNumber,
      notBefore: cert.notBefore.toISOString(), notAfter: cert.notAfter.toISOString(),
      signature: cert.signatureAlgorithm.name, key: cert.publicKey.algorithm.name,
      extensions: cert.extensions.map((e) => e.toString('text')),
      sha256: new Uint8Array(await cert.getThumbprint('SHA-256')).length,
    });
  }
  return out.length;
}

const der = (block) => Uint8Array.from(atob(block.replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
const hex = (view) => Array.from(view, (b) => b.toString(16).padStart(2, '0')).join('');
const names = (name) => name.typesAndValues.map((tv) => `${tv.type}=${tv.value.valueBlock.value}`).join(', ');

/** The same decode with pkijs: every field read, extensions parsed, SHA-256 by WebCrypto. */
async function decodePkijs(pem) {
  const out = [];
  for (const block of pemBlocks(pem)) {
    const bytes = der(block);
    const cert = pkijs.Certificate.fromBER(bytes);
    out.push({
      subject: names(cert.subject), issuer: names(cert.issuer), serial: hex(cert.serialNumber.valueBlock.valueHexView),
      notBefore: cert.notBefore.value.toISOString(), notAfter: cert.notAfter.value.toISOString(),
      signature: cert.signatureAlgorithm.algorithmId, key: cert.subjectPublicKeyInfo.algorithm.algorithmId,
      extensions: (cert.extensions ?? []).map((e) => [e.extnID, e.critical, e.parsedValue ? JSON.stringify(e.parsedValue.toJSON?.() ?? {}) : hex(e.extnValue.valueBlock.valueHexView)]),
      sha256: (await crypto.subtle.digest('SHA-256', bytes)).byteLength,
    });
  }
  return out.length;
}

/** pkijs's RFC 5280 engine on each chain. */
async function verifyPkijs(root, chains) {
  const anchor = pkijs.Certificate.fromBER(der(root));
  let valid = 0;
  for (const chain of chains) {
    const certs = pemBlocks(chain).map((p) => pkijs.Certificate.fromBER(der(p)));
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: [anchor], certs, checkDate: new Date() });
    if ((await engine.verify()).result) valid += 1;
  }
  return valid;
}

function decodeCertbench(pem) {
  return certbench.decode_bundle(bytes(pem), now());
}

function decodeCertbenchWebCrypto(pem) {
  return certbench.decode_bundle_webcrypto(bytes(pem), now());
}

function decodeCertbenchStructure(pem) {
  return certbench.decode_bundle_structure(bytes(pem), now());
}

/** The app's warm-up as its worker starts, and the same input as many times through @peculiar/x509. */
async function warmUpCertbench() {
  await certbench.warm_up(now());
  return 2;
}

async function warmUpPeculiar() {
  const sample = certbench.warm_up_input();
  let read = 0;
  for (let round = 0; round < certbench.warm_up_rounds(); round += 1) read = await decodePeculiar(sample);
  return read;
}

/** Verify: each chain (leaf, intermediate) against the root: signatures and validity. */
async function verifyPeculiar(root, chains) {
  let valid = 0;
  const date = new Date();
  for (const chain of chains) {
    const [leaf, int] = pemBlocks(chain).map((p) => new x509.X509Certificate(p));
    const anchor = new x509.X509Certificate(root);
    if (await leaf.verify({ publicKey: int, date }) && await int.verify({ publicKey: anchor, date })) valid += 1;
  }
  return valid;
}

function verifyCertbench(root, chains) {
  const roots = bytes(root);
  let valid = 0;
  for (const chain of chains) if (certbench.verify_chain(bytes(chain), roots, now())) valid += 1;
  return valid;
}

async function verifyCertbenchWebCrypto(root, chains) {
  const roots = bytes(root);
  let valid = 0;
  for (const chain of chains) if (await certbench.verify_chain_webcrypto(bytes(chain), roots, now())) valid += 1;
  return valid;
}

const WEBCRYPTO = {
  rsa2048: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  rsa4096: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 4096, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  p256: { name: 'ECDSA', namedCurve: 'P-256' },
  ed25519: { name: 'Ed25519' },
};

/** Key generation straight from WebCrypto. */
async function keygenWebCrypto(type) {
  const pair = await crypto.subtle.generateKey(WEBCRYPTO[type], true, ['sign', 'verify']);
  return pair.privateKey.type;
}

/** Key generation the way the Generate tab does it: WebCrypto makes the key and signs, core
 *  builds a self-signed certificate around it. */
async function keygenCertbench(type) {
  return (await certbench.self_signed(type, now())).length;
}

/** A new P-256 key and a self-signed leaf for it. */
async function leafCertbench() {
  return (await certbench.self_signed('p256', now())).length;
}

async function leafPeculiar() {
  const keys = await crypto.subtle.generateKey(WEBCRYPTO.p256, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name: 'CN=localhost', notBefore: new Date(), notAfter: new Date(Date.now() + 30 * 864e5),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' }, keys,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }])],
  });
  return cert.toString('pem').length;
}

/** Times `fn(...args)` once, in milliseconds. */
async function time(name, ...args) {
  const started = performance.now();
  const result = await WORKLOADS[name](...args);
  return { ms: performance.now() - started, result };
}

const WORKLOADS = { decodePkijs, verifyPkijs, decodePeculiar, decodeCertbench, decodeCertbenchWebCrypto, decodeCertbenchStructure, warmUpCertbench, warmUpPeculiar, verifyPeculiar, verifyCertbench, verifyCertbenchWebCrypto, keygenWebCrypto,
  keygenCertbench, leafCertbench, leafPeculiar };

const started = performance.now();
await init();
globalThis.bench = { time, makeChains: (type, count) => certbench.make_chains(type, count, now()),
  initMs: performance.now() - started };
document.getElementById('status').textContent = 'ready';
