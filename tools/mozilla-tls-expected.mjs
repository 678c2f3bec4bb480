// Writes tests/fixtures/tls-config/: what Mozilla's own SSL Configuration Generator
// (mozilla/ssl-config-generator, MPL-2.0) prints for a matrix of servers, profiles, versions
// and options, so a test can hold certbench's `tls-config` to it line for line.
//
// Usage: node tools/mozilla-tls-expected.mjs GENERATOR_CHECKOUT SEMVER_NODE_MODULES
//   GENERATOR_CHECKOUT  a git clone of mozilla/ssl-config-generator (its HEAD is read)
//   SEMVER_NODE_MODULES a node_modules folder holding `semver` 7 (npm install semver@7)
// The generator's templates (src/js/helpers/*.js) run unchanged; its form state
// (src/js/state.js reads the page's form) is restated below, input by input.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [checkout, modules] = process.argv.slice(2);
const out = 'tests/fixtures/tls-config';
const git = (...args) => execFileSync('git', ['-C', checkout, ...args], { encoding: 'utf8' });
const show = (file) => git('show', `HEAD:${file}`);
const require = createRequire(path.resolve(modules, 'x.js'));

// An ES module of the generator as a function of the helpers it imports.
function load(file, deps) {
  const source = show(file)
    .replace(/^import .*$/gm, '')
    .replace(/export default/, 'return');
  return new Function('require', ...Object.keys(deps), source)(require, ...Object.values(deps));
}
const normalizever = load('src/js/helpers/normalizever.js', {});
const minver = load('src/js/helpers/minver.js', { normalizever });
const minpatchver = load('src/js/helpers/minpatchver.js', { normalizever });
const configs = new Function('module', show('src/js/configs.js') + '; return module.exports;')({});

const guidelines = {};
for (const file of fs.readdirSync('crates/core/data/mozilla-tls').filter((f) => /^\d\.\d\.json$/.test(f))) {
  guidelines[file.replace('.json', '')] = JSON.parse(fs.readFileSync(`crates/core/data/mozilla-tls/${file}`, 'utf8'));
}

// state.js, with the form's fields as arguments.
function state({ server, config, version, openssl, hsts, ocsp, guideline, date }) {
  let sstls = guidelines[guideline];
  if (guideline === '5.0') {
    for (const x of ['modern', 'intermediate', 'old']) {
      const ss5 = sstls.configurations[x];
      ss5.ciphersuites = ss5.openssl_ciphersuites;
      ss5.ciphers = { iana: guidelines['5.1'].configurations[x].ciphers.iana, openssl: ss5.openssl_ciphers };
    }
  }
  const ssc = structuredClone(sstls.configurations[config]);
  const supportsOcspStapling = configs[server].supportsOcspStapling && minver(configs[server].supportsOcspStapling, version);
  let fragment = `server=${server}&version=${version}&config=${config}`;
  fragment += configs[server].usesOpenssl !== false ? `&openssl=${openssl}` : '';
  fragment += configs[server].supportsHsts !== false && hsts ? '&hsts' : '';
  fragment += supportsOcspStapling && ocsp ? '&ocsp' : '';
  fragment += `&guideline=${guideline}`;
  let version_tags = `${configs[server].name} ${version}`;
  if (configs[server].eolBefore && !minver(configs[server].eolBefore, version)) {
    version_tags += ' (UNSUPPORTED; end-of-life)';
  }
  if (configs[server].usesOpenssl !== false) {
    version_tags += `, OpenSSL ${openssl}`;
    if (!minver(configs['openssl'].eolBefore, openssl)) {
      version_tags += ' (UNSUPPORTED; end-of-life)';
    } else if (!minver('3.5.0', openssl) && minver('5.8', guideline)) {
      version_tags += ' (OLD: missing PQC hybrid MLKEMs)';
    }
  }
  version_tags += `, ${config} config`;
  let header = `generated ${date}, Mozilla Guideline v${guideline}, ${version_tags}`;
  header += configs[server].supportsHsts !== false && hsts ? ', HSTS' : '';
  header += supportsOcspStapling && ocsp ? ', OCSP' : '';
  const origin = 'https://ssl-config.mozilla.org';
  const link = `${origin}/#${fragment}`;
  let protocols = ssc.tls_versions;
  if (!configs[server].tls13 || !minver(configs[server].tls13, version) || !minver(configs['openssl'].tls13, openssl)) {
    protocols = protocols.filter((p) => p !== 'TLSv1.3');
  }
  let tlsCurves = ssc.tls_curves;
  if (!minver('3.5.0', openssl)) {
    tlsCurves = tlsCurves.filter((g) => g !== 'X25519MLKEM768');
  }
  const cipherFormat = configs[server].cipherFormat ? configs[server].cipherFormat : 'openssl';
  let ciphers = cipherFormat === 'go' ? ssc.ciphers['iana'] : ssc.ciphers[cipherFormat];
  const supportedCiphers = configs[server].supportedCiphers
    ? configs[server].supportedCiphers
    : cipherFormat === 'go' ? configs['go'].supportedCiphers : null;
  if (supportedCiphers) {
    ciphers = ciphers.filter((suite) => supportedCiphers.indexOf(suite) !== -1);
  }
  if (ciphers.length && ciphers[0] === '@SECLEVEL=0') ciphers.shift();
  if (configs[server].usesOpenssl !== false && minver('3.0.0', openssl)) {
    if (protocols.includes('TLSv1.1')) ciphers.unshift('@SECLEVEL=0');
  }
  return {
    form: {
      config, hsts: hsts && configs[server].supportsHsts !== false, ocsp: ocsp && supportsOcspStapling,
      opensslVersion: openssl, server, serverName: configs[server].name, serverVersion: version, version_tags,
    },
    output: {
      ciphers, cipherSuites: ssc.ciphersuites, date, dhCommand: `curl ${origin}/ffdhe${ssc.dh_param_size}.txt`,
      dhParamSize: ssc.dh_param_size, fragment, hasVersions: configs[server].hasVersions !== false, header,
      hstsMaxAge: ssc.hsts_min_age, hstsRedirectCode: 308, latestVersion: configs[server].latestVersion, link,
      oldestClients: ssc.oldest_clients, origin, protocols, serverPreferredOrder: ssc.server_preferred_order,
      showSupports: configs[server].showSupports !== false, supportsHsts: configs[server].supportsHsts !== false,
      supportsOcspStapling, tlsCurves,
      usesDhe: ciphers.join(':').includes(':DHE') || ciphers.join(':').includes('_DHE_'),
      usesOpenssl: configs[server].usesOpenssl !== false,
    },
  };
}

const servers = Object.keys(configs).filter((s) => s !== 'openssl');
const templates = {};
for (const s of servers) {
  templates[s] = load(`src/js/helpers/${s}.js`, { minver, minpatchver });
}

// The matrix: each server at its latest version and at older versions that change its
// output, each guideline's profiles, with and without HSTS and OCSP, and old OpenSSL releases.
const older = {
  apache: ['2.2.15', '2.4.6', '2.4.18', '2.4.39'], nginx: ['1.4.7', '1.10.3', '1.17.7', '1.24.0'],
  haproxy: ['1.5.19', '1.8.30', '2.1.12', '2.6.0'], lighttpd: ['1.4.45', '1.4.55', '1.4.59', '1.4.71'],
  postfix: ['3.3.0', '3.5.0'], dovecot: ['2.2.36', '2.3.21'], caddy: ['1.0.5'], traefik: ['1.7.34'],
  redis: ['5.0.0'], squid: ['3.5.28'], stunnel: ['5.49'], proftpd: ['1.3.5'], exim: ['4.96'],
  postgresql: ['11.0', '18.0'], coturn: ['3.2.1'], openlitespeed: ['1.4.34'], oraclehttp: ['12.1.3'],
};
const cases = [];
for (const server of servers) {
  // Mozilla's generator reads guidelines 5.0 and later (4.0 has another shape).
  for (const guideline of ['5.0', '5.4', '5.7', '6.0']) {
    for (const config of Object.keys(guidelines[guideline].configurations)) {
      const version = configs[server].latestVersion;
      cases.push({ server, config, version, openssl: configs.openssl.latestVersion, hsts: true, ocsp: true, guideline });
      if (guideline === '6.0' || guideline === '5.7') {
        cases.push({ server, config, version, openssl: '3.0.13', hsts: false, ocsp: false, guideline });
        for (const v of older[server] || []) {
          cases.push({ server, config, version: v, openssl: '1.0.2k', hsts: true, ocsp: true, guideline });
          cases.push({ server, config, version: v, openssl: '1.1.1w', hsts: false, ocsp: true, guideline });
        }
      }
    }
  }
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const date = '2026-01-01';
const head = git('log', '-1', '--format=%H %cs').trim();
let text = `# What mozilla/ssl-config-generator ${head} (MPL-2.0) prints, made by\n` +
  `# tools/mozilla-tls-expected.mjs; header dates are ${date}. Each case starts with a line\n` +
  '# "=== server profile version openssl hsts ocsp guideline", then the configuration; "FAILS"\n' +
  '# after the line: the generator throws (a profile no protocol of that version can meet).\n';
let failures = 0;
for (const c of cases) {
  const { form, output } = state({ ...c, date });
  const line = `=== ${c.server} ${c.config} ${c.version} ${c.openssl} ${c.hsts} ${c.ocsp} ${c.guideline}`;
  try {
    text += `${line}\n${templates[c.server](form, output)}`;
  } catch (e) {
    text += `${line} FAILS\n`;
    failures += 1;
  }
}
fs.writeFileSync(path.join(out, 'expected.txt'), text);
console.log(`${cases.length} configurations (${failures} the generator refuses) written to ${out}/expected.txt`);
