// Makes a CRL of any size for tests (never a committed file): DER written here, signed with the
// fixtures' root key, so certbench verifies it against tests/fixtures/root.pem.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';

function length(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag, content) => Buffer.concat([Buffer.from([tag]), length(content.length), content]);

/** The children of the DER element at the start of `der`. */
function children(der) {
  const header = (b) => (b[1] < 0x80 ? [2, b[1]] : [2 + (b[1] & 0x7f), b.subarray(2, 2 + (b[1] & 0x7f)).reduce((a, x) => a * 256 + x, 0)]);
  const [h, len] = header(der);
  const out = [];
  for (let i = h; i < h + len;) {
    const [ch, cl] = header(der.subarray(i));
    out.push(der.subarray(i, i + ch + cl));
    i += ch + cl;
  }
  return out;
}

/** A CRL issued by the fixtures' root revoking `entries` certificates (every third with a
 * reason code), about 40 bytes an entry. */
export function makeCrl(entries) {
  const fixtures = path.join(root, 'tests', 'fixtures');
  const pem = fs.readFileSync(path.join(fixtures, 'root.crl'), 'utf8');
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const [tbs] = children(der);
  const [, algorithm, issuer] = children(tbs);
  const utc = Buffer.from('261101000000Z');
  const reason = Buffer.from('300c300a0603551d150403 0a0101'.replace(/ /g, ''), 'hex');
  const plain = 35, withReason = 49;
  const size = entries * plain + Math.floor((entries + 2) / 3) * (withReason - plain);
  const list = Buffer.alloc(size);
  let at = 0;
  for (let i = 0; i < entries; i++) {
    const ext = i % 3 === 0;
    list[at++] = 0x30; list[at++] = ext ? 47 : 33;
    list[at++] = 0x02; list[at++] = 16;
    list[at++] = 0x01 + (i % 0x7e);
    for (let k = 14; k >= 0; k--) list[at++] = k < 4 ? (i >>> (8 * k)) & 0xff : (i * 31 + k) & 0xff;
    list[at++] = 0x17; list[at++] = 13;
    utc.copy(list, at); at += 13;
    if (ext) { reason.copy(list, at); at += reason.length; }
  }
  const thisUpdate = tlv(0x17, Buffer.from('261101000000Z'));
  const nextUpdate = tlv(0x17, Buffer.from('491231000000Z'));
  const body = Buffer.concat([tlv(0x02, Buffer.from([1])), algorithm, issuer, thisUpdate, nextUpdate, tlv(0x30, list)]);
  const tbsDer = tlv(0x30, body);
  const key = crypto.createPrivateKey(fs.readFileSync(path.join(fixtures, 'root.key')));
  const signature = crypto.sign('sha256', tbsDer, key);
  return tlv(0x30, Buffer.concat([tbsDer, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature]))]));
}
