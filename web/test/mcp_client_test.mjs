// `scenecraft mcp` driven by the official MCP TypeScript SDK, with the real Blender: lists the
// tools, generates a scene end to end (files on disk, the render as a PNG image), answers a ping
// while generating, cancels a call, and refuses hostile input with clear errors that execute
// nothing.
//
// Usage: node web/test/mcp_client_test.mjs SCENECRAFT_BINARY WORK_DIR [TRANSCRIPT.json]
// (run by ctest as mcp/McpClientIntegration). The transcript, when asked for, records the
// messages of the generate call (the image data shortened), as docs/MCP.md shows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const [binaryArg, workDirArg, transcriptPath] = process.argv.slice(2);
const binary = binaryArg && path.resolve(binaryArg);
const workDir = workDirArg && path.resolve(workDirArg);
if (!binary || !workDir) {
  console.error('usage: mcp_client_test.mjs SCENECRAFT_BINARY WORK_DIR [TRANSCRIPT.json]');
  process.exit(2);
}
fs.rmSync(workDir, { recursive: true, force: true });
const root = path.join(workDir, 'root');
fs.mkdirSync(root, { recursive: true });
// A file an injected `touch` would create; it must never appear.
const marker = path.join(workDir, 'pwned');

const transport = new StdioClientTransport({
  command: binary,
  args: ['mcp', '--root', root, '--rounds', '1'],
  stderr: 'pipe',
  cwd: workDir,
});
let serverLog = '';
transport.stderr?.on('data', (chunk) => { serverLog += chunk; });

// Every message both ways, so one call's request and response can be kept as an example.
const messages = [];
const client = new Client({ name: 'scenecraft-mcp-test', version: '1.0.0' });
await client.connect(transport);
const send = transport.send.bind(transport);
transport.send = (message, options) => {
  messages.push({ direction: 'client -> server', message });
  return send(message, options);
};
const receive = transport.onmessage;
transport.onmessage = (message, extra) => {
  messages.push({ direction: 'server -> client', message });
  receive(message, extra);
};
after(async () => {
  await client.close();
  if (process.exitCode) console.error('server log:\n' + serverLog);
});

const kLong = { timeout: 600_000, resetTimeoutOnProgress: true };
const textOf = (result) => result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');

test('initialize negotiated the current revision and the server names itself', () => {
  assert.equal(client.getServerVersion().name, 'scenecraft');
  assert.ok(client.getServerCapabilities().tools);
  assert.match(client.getInstructions(), /output root/);
});

test('lists the five tools, each with an input schema', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(),
                   ['critique', 'generate', 'plan', 'search_assets', 'solve']);
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.inputSchema.additionalProperties, false, tool.name);
  }
});

test('generate builds and renders a scene in Blender, and answers a ping meanwhile', async () => {
  const progress = [];
  const first = messages.length;
  let generateDone = false;
  const call = client.callTool(
      { name: 'generate', arguments: { prompt: 'A round dining table with four chairs around it.',
                                       name: 'dining', rounds: 1 } },
      undefined, { ...kLong, onprogress: (p) => progress.push(p.message) })
    .then((r) => { generateDone = true; return r; });
  // The reading thread answers while the worker generates.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await client.ping();
  assert.equal(generateDone, false, 'the ping was answered only after generate finished');
  const result = await call;
  assert.ok(!result.isError, textOf(result));
  assert.ok(progress.length >= 3, `progress notifications: ${progress.join(' | ')}`);

  const dir = path.join(fs.realpathSync(root), 'dining');
  assert.match(textOf(result), /Relations passing on what Blender built: \d+\/\d+/);
  for (const file of ['scene.py', 'scene.json', 'render.png', 'scene.glb', 'report.html', 'readback.json']) {
    assert.ok(fs.statSync(path.join(dir, file)).size > 0, file);
    assert.equal(result.structuredContent.files[file], path.join(dir, file));
  }
  const image = result.content.find((c) => c.type === 'image');
  assert.equal(image.mimeType, 'image/png');
  const png = Buffer.from(image.data, 'base64');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  assert.equal(png.readUInt32BE(16), 640);
  assert.equal(png.readUInt32BE(20), 480);
  assert.deepEqual(png, fs.readFileSync(path.join(dir, 'render.png')));

  // The critic judges the built scene on request too.
  const critique = await client.callTool({ name: 'critique', arguments: { dir: 'dining' } });
  assert.ok(!critique.isError, textOf(critique));
  assert.equal(typeof critique.structuredContent.relations_total, 'number');

  if (transcriptPath) {
    const shown = messages.slice(first).filter((m) => m.message.id !== undefined &&
        (m.message.method === 'tools/call' || m.message.result?.content)).map((m) => {
      const copy = structuredClone(m);
      for (const c of copy.message.result?.content ?? []) {
        if (c.type === 'image') c.data = c.data.slice(0, 64) + `... (${c.data.length} base64 characters)`;
      }
      return copy;
    });
    // The machine's folders become $ROOT, so the example names no path of this machine.
    const text = JSON.stringify(shown, null, 2).split(fs.realpathSync(root)).join('$ROOT');
    fs.writeFileSync(transcriptPath, text + '\n');
  }
});

test('a prompt with quotes and Python is only ever data', async () => {
  const hostile = `A chair named "'); import os; os.system('touch ${marker}'); #" next to a table. ` +
                  `__import__('os').system("touch ${marker}") """ ''' \\" \n exec(open('x').read())`;
  const result = await client.callTool(
      { name: 'generate', arguments: { prompt: hostile, name: 'hostile', rounds: 0 } },
      undefined, kLong);
  // Built or refused, with its reasons in words; nothing ran.
  assert.ok(textOf(result).length > 0);
  assert.equal(fs.existsSync(marker), false, 'the injected command ran');
  const script = path.join(root, 'hostile', 'scene.py');
  if (fs.existsSync(script)) {
    // The prompt's text is inside the embedded JSON document only, never a line of Python.
    const lines = fs.readFileSync(script, 'utf8').split('\n');
    assert.equal(lines.filter((l) => l.trimStart().startsWith('import os;')).length, 0);
    assert.equal(lines.filter((l) => l.includes('__import__(')).length <= 1, true);
  }
});

test('wrong argument types are tool errors that name each argument', async () => {
  const result = await client.callTool(
      { name: 'generate', arguments: { prompt: 42, rounds: 'many', colour: 'red' } });
  assert.equal(result.isError, true);
  const text = textOf(result);
  assert.match(text, /\/arguments\/prompt: expected a string, found integer 42/);
  assert.match(text, /\/arguments\/rounds: expected an integer, found string "many"/);
  assert.match(text, /\/arguments\/colour: is not a known argument/);
});

test('paths outside the output root are refused', async () => {
  for (const [name, args, pattern] of [
    ['generate', { scene: '../../../etc/passwd' }, /\/arguments\/scene: '..\/..\/..\/etc\/passwd' is outside the output root/],
    ['solve', { scene: '/etc/hostname' }, /\/arguments\/scene: '\/etc\/hostname' is outside the output root/],
    ['critique', { dir: '..' }, /\/arguments\/dir: '..' is outside the output root/],
    ['generate', { prompt: 'a chair', name: '../escape' }, /\/arguments\/name: must match the pattern/],
    ['plan', { prompt: 'a chair', save_as: '/tmp/x.json' }, /\/arguments\/save_as: must match the pattern/],
  ]) {
    const result = await client.callTool({ name, arguments: args });
    assert.equal(result.isError, true, name);
    assert.match(textOf(result), pattern);
  }
  assert.equal(fs.existsSync(path.join(workDir, 'escape')), false);
});

test('an unknown tool is a protocol error', async () => {
  await assert.rejects(client.callTool({ name: 'run_python', arguments: { code: 'print(1)' } }),
                       (e) => e instanceof McpError && e.code === -32602 && /unknown tool/.test(e.message));
});

test('a cancelled generate gets no answer, and the server carries on', async () => {
  const controller = new AbortController();
  const call = client.callTool(
      { name: 'generate', arguments: { prompt: 'A sofa facing a television.', name: 'cancelled', rounds: 0 } },
      undefined, { ...kLong, signal: controller.signal, onprogress: () => controller.abort('enough') });
  await assert.rejects(call);
  await client.ping();
  const plan = await client.callTool({ name: 'plan', arguments: { prompt: 'A lamp on a desk.' } });
  assert.ok(!plan.isError);
  assert.match(textOf(plan), /lamp/);
  // The plan ran after the worker left the cancelled generate, which stopped before its end:
  // the output folder was never filled.
  assert.equal(fs.existsSync(path.join(root, 'cancelled', 'scene.py')), false);
});
