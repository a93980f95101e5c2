// Runs extension.js under node with stand-ins for the `vscode` and `vscode-languageclient/node` modules
// (neither is available outside VS Code / without npm), and checks package.json against it. With a tally
// binary, also sends the initialization options the extension builds to `tally lsp` and checks the
// server accepts them without a settings warning. Prints ok:/FAIL: lines; exit 1 on a failure.
//   node test/smoke.js [PROJECT_VERSION] [TALLY]
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');
const { spawn } = require('child_process');

const dir = path.join(__dirname, '..');
let failed = 0;
const check = (cond, what) => { console.log((cond ? 'ok: ' : 'FAIL: ') + what); if (!cond) failed++; };

// --- stand-ins ---
let settings = {};
const listeners = [];
const commands = {};
const created = [];
const notifications = [];
const vscode = {
  workspace: {
    getConfiguration: (section) => ({
      get: (key, def) => (`${section}.${key}` in settings ? settings[`${section}.${key}`] : def),
    }),
    onDidChangeConfiguration: (f) => { listeners.push(f); return { dispose() {} }; },
  },
  window: { showErrorMessage: (m) => { vscode.lastError = m; } },
  commands: { registerCommand: (id, f) => { commands[id] = f; return { dispose() {} }; } },
};
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, running: false });
    created.push(this);
  }
  async start() { this.running = true; }
  async stop() { this.running = false; }
  isRunning() { return this.running; }
  sendNotification(type, params) { notifications.push({ type, params }); }
}
const languageclient = {
  LanguageClient,
  TransportKind: { stdio: 0 },
  DidChangeConfigurationNotification: { type: 'workspace/didChangeConfiguration' },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return languageclient;
  return load.call(this, request, ...rest);
};

const changed = (...keys) => listeners.forEach((f) => f({ affectsConfiguration: (s) => keys.some((k) => k === s || k.startsWith(s + '.')) }));
const tick = () => new Promise((r) => setTimeout(r, 10));

async function main() {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const source = fs.readFileSync(path.join(dir, pkg.main), 'utf8');

  // package.json against extension.js
  const props = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace(/^tally\./, ''));
  const read = new Set([...source.matchAll(/c\.get\('([\w.]+)'/g)].map((m) => m[1]));
  const commandIds = pkg.contributes.commands.map((c) => c.command);
  for (const m of source.matchAll(/'tally\.([\w.]+)'/g)) if (!commandIds.includes(m[0].slice(1, -1))) read.add(m[1]);
  const declared = new Set(props.filter((p) => p !== 'trace.server'));  // trace.server: read by the client library
  check([...read].every((k) => declared.has(k)), `every setting extension.js reads is declared (${[...read].join(', ')})`);
  check([...declared].every((k) => read.has(k)), `every declared setting is read (${[...declared].join(', ')})`);
  check(pkg.name === 'tally' && pkg.main === './extension.js' && fs.existsSync(path.join(dir, pkg.main)), 'name tally, main ./extension.js exists');
  check(!!(pkg.engines && pkg.engines.vscode) && !!pkg.dependencies['vscode-languageclient'], 'engines.vscode and the vscode-languageclient dependency');
  check(pkg.license === 'UNLICENSED', 'license UNLICENSED (the repository has no licence file)');
  if (process.argv[2]) check(pkg.version === process.argv[2], `version ${pkg.version} is the project's (${process.argv[2]})`);
  const activation = pkg.activationEvents.map((e) => e.replace(/^onLanguage:/, '')).sort();
  const commandsDeclared = pkg.contributes.commands.map((c) => c.command);

  // activate() with the defaults
  const ext = require(path.join(dir, pkg.main));
  await ext.activate({ subscriptions: [] });
  let c = created[created.length - 1];
  check(c && c.serverOptions.run.command === 'tally' && JSON.stringify(c.serverOptions.run.args) === '["lsp"]', 'starts `tally lsp`');
  check(c.running, 'the client is started');
  const selector = c.clientOptions.documentSelector.map((d) => d.language).sort();
  check(JSON.stringify(selector) === JSON.stringify(activation), `documents ${selector} are the activation languages ${activation}`);
  check(c.clientOptions.initializationOptions.debounceMs === 150 && c.clientOptions.initializationOptions.tally.lang === null,
    'defaults: debounceMs 150, lang auto sent as null');
  check(Object.keys(commands).sort().join() === commandsDeclared.sort().join(), `commands registered = declared (${commandsDeclared})`);

  // settings: path and debounceMs restart; lang is sent as a notification and answered on pull
  settings = { 'tally.path': '/opt/tally/bin/tally', 'tally.debounceMs': 40 };
  changed('tally.path');
  await tick();
  c = created[created.length - 1];
  check(created.length === 2 && !created[0].running && c.running && c.serverOptions.run.command === '/opt/tally/bin/tally' &&
    c.clientOptions.initializationOptions.debounceMs === 40, 'tally.path / debounceMs restart the server with the new values');
  settings['tally.lang'] = 'zh';
  settings['tally.disabled'] = ['share'];
  changed('tally.lang');
  await tick();
  const n = notifications[notifications.length - 1];
  check(created.length === 2 && n && n.type === 'workspace/didChangeConfiguration' && n.params.settings.tally.lang === 'zh' &&
    n.params.settings.tally.disabled[0] === 'share', 'tally.lang / disabled: didChangeConfiguration, no restart');
  const pulled = await c.clientOptions.middleware.workspace.configuration(
    { items: [{ section: 'tally' }, { section: 'other' }] }, null, async () => [{ path: 'x', lang: 'zh' }, { y: 1 }]);
  check(JSON.stringify(pulled[0]) === JSON.stringify({ lang: 'zh', disabled: ['share'], rules: {}, defaultRules: true }) &&
    pulled[1].y === 1, 'workspace/configuration answers section tally with the server\'s keys only');
  changed('editor.fontSize');
  await tick();
  check(created.length === 2 && notifications.length === 1, 'other settings are ignored');
  await ext.deactivate();
  check(!c.running, 'deactivate stops the client');

  // the real server accepts what the extension sends
  const tally = process.argv[3];
  if (tally) {
    for (const lang of ['auto', 'zh', 'en']) {
      settings = { 'tally.lang': lang, 'tally.debounceMs': 40, 'tally.disabled': ['share'], 'tally.rules': { percent: 'warning' } };
      const opts = { tally: ext.serverSettings(), debounceMs: 40 };
      const warnings = await initialize(tally, opts);
      check(warnings !== null && warnings.length === 0, `tally lsp takes the options for lang ${lang} without a warning ${warnings ? warnings.join('; ') : '(no answer)'}`);
    }
    // The check can fail: `auto` sent as is would be refused.
    const w = await initialize(tally, { tally: { lang: 'auto' } });
    check(w && w.some((m) => m.includes('tally.lang')), 'the server warns about lang "auto" (why the extension sends null)');
  }
}

// initialize + initialized + shutdown + exit; the settings warnings (window/logMessage about tally.*).
function initialize(tally, initializationOptions) {
  return new Promise((resolve) => {
    const p = spawn(tally, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const send = (m) => { const b = Buffer.from(JSON.stringify(m)); p.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); p.stdin.write(b); };
    const warnings = [];
    let buf = Buffer.alloc(0);
    let answered = false;
    p.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const h = buf.indexOf('\r\n\r\n');
        if (h < 0) break;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.slice(0, h).toString())[1]);
        if (buf.length < h + 4 + len) break;
        const m = JSON.parse(buf.slice(h + 4, h + 4 + len).toString());
        buf = buf.slice(h + 4 + len);
        if ((m.method === 'window/logMessage' || m.method === 'window/showMessage') && /tally\./.test(m.params.message)) warnings.push(m.params.message);
        if (m.id === 1 && !m.method) { answered = true; send({ jsonrpc: '2.0', method: 'initialized', params: {} }); send({ jsonrpc: '2.0', id: 2, method: 'shutdown' }); }
        if (m.id === 2 && !m.method) send({ jsonrpc: '2.0', method: 'exit' });
      }
    });
    p.on('close', () => resolve(answered ? warnings : null));
    setTimeout(() => p.kill(), 10000);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions } });
  });
}

main().then(() => { console.log(`${failed} failed`); process.exit(failed ? 1 : 0); },
  (e) => { console.log('FAIL: ' + (e && e.stack || e)); process.exit(1); });
