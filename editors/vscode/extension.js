// VS Code client for tally's language server: runs `tally lsp` over stdio for plain-text and Markdown
// documents. Plain JavaScript, no build step. The settings the server reads are described in
// docs/editors.md (section tally: lang, disabled, rules, defaultRules; debounceMs at initialization).
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind, DidChangeConfigurationNotification } = require('vscode-languageclient/node');

const SECTION = 'tally';
// Settings the server only reads when it starts: a change restarts it.
const RESTART_SETTINGS = ['tally.path', 'tally.debounceMs'];

let client;

// The `tally` settings as the server reads them. `lang: auto` is sent as null: the server then takes the
// file's .tally.yaml, else VS Code's display language (the `locale` of initialize).
function serverSettings() {
  const c = vscode.workspace.getConfiguration(SECTION);
  const lang = c.get('lang', 'auto');
  return {
    lang: lang === 'auto' ? null : lang,
    disabled: c.get('disabled', []),
    rules: c.get('rules', {}),
    defaultRules: c.get('defaultRules', true),
  };
}

function createClient() {
  const c = vscode.workspace.getConfiguration(SECTION);
  const command = c.get('path', 'tally') || 'tally';
  // TransportKind.stdio adds --stdio, which `tally lsp` accepts and ignores.
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ language: 'plaintext' }, { language: 'markdown' }],
    initializationOptions: { tally: serverSettings(), debounceMs: c.get('debounceMs', 150) },
    middleware: {
      workspace: {
        // The server asks for section `tally` (workspace/configuration); answer with what it reads.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          return params.items.map((item, i) =>
            item.section === SECTION ? serverSettings() : Array.isArray(result) ? result[i] : null);
        },
      },
    },
  };
  return new LanguageClient('tally', 'tally', { run, debug: run }, clientOptions);
}

async function start() {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const command = vscode.workspace.getConfiguration(SECTION).get('path', 'tally');
    vscode.window.showErrorMessage(
      `tally: could not start \`${command} lsp\` (${err && err.message ? err.message : err}). ` +
      'Install tally or set "tally.path" to the program.');
  }
}

async function stop() {
  if (!client) return;
  const c = client;
  client = undefined;
  try {
    await c.stop();
  } catch (_) {
    // It may not have started.
  }
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('tally.restart', restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        restart();
      } else if (client && client.isRunning()) {
        client.sendNotification(DidChangeConfigurationNotification.type, { settings: { tally: serverSettings() } });
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, serverSettings };
