/**
 * For tests: run or parse a snippet with the real interpreter, with nothing of
 * the outside world within reach. Each runner works in a fresh empty folder
 * and reports the files found there afterwards, so a command that escaped a
 * literal and touched a file shows up.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PYTHON = '/usr/bin/python3';
export const hasPython = existsSync(PYTHON);

/** A bare environment: the PATH, and what the caller adds. */
export function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', PATH: process.env.PATH ?? '', ...extra };
}

async function freshFolder(root: string, name: string): Promise<string> {
  return mkdtemp(path.join(root, `${name}-`));
}

export interface ShellRun {
  /** The arguments the stub `curl` received, or undefined if it was never called. */
  argv: string[] | undefined;
  /** Files in the working folder after the run, besides the script. */
  leftovers: string[];
  exitCode: number;
}

/** Runs a curl snippet with bash, `curl` being a shell function that records its arguments. */
export async function runCurlSnippet(root: string, code: string, env: Record<string, string>): Promise<ShellRun> {
  const work = await freshFolder(root, 'sh');
  const records = await freshFolder(root, 'sh-record');
  const record = path.join(records, 'argv');
  const script = path.join(work, 'snippet.sh');
  await writeFile(script, `curl() { printf '%s\\0' "$@" > "$SNIPPET_RECORD"; }\n${code}`);
  let exitCode = 0;
  try {
    await run('bash', ['--noprofile', '--norc', script], { cwd: work, env: bareEnv({ SNIPPET_RECORD: record, ...env }), timeout: 20_000 });
  } catch (error) {
    exitCode = (error as { code?: number }).code ?? -1;
  }
  const argv = existsSync(record) ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(record)).split('\0').slice(0, -1) : undefined;
  return { argv, leftovers: (await readdir(work)).filter((name) => name !== 'snippet.sh'), exitCode };
}

export interface PythonShape {
  /** The called functions, as written (`jwt.decode`), in the order ast.walk meets them. */
  calls: string[];
  strings: string[];
  comments: string[];
  /** ast.dump of the module with every str constant replaced: what values cannot change. */
  shape: string;
}

const PYTHON_SHAPE = `
import ast, io, json, sys, tokenize
out = []
for name in sys.argv[1:]:
    source = open(name, encoding="utf-8").read()
    tree = ast.parse(source)
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    calls = [ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    comments = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            n.value = "<STRING>"
    out.append({"calls": calls, "strings": strings, "comments": comments, "shape": ast.dump(tree)})
print(json.dumps(out))
`;

/** Parses Python sources with python3's own ast module. */
export async function pythonShapes(root: string, sources: string[]): Promise<PythonShape[]> {
  const work = await freshFolder(root, 'py');
  const files = await Promise.all(
    sources.map(async (source, index) => {
      const file = path.join(work, `snippet${index}.py`);
      await writeFile(file, source);
      return file;
    }),
  );
  const checker = path.join(work, 'shape.py');
  await writeFile(checker, PYTHON_SHAPE);
  const { stdout } = await run(PYTHON, [checker, ...files], { cwd: work, timeout: 20_000 });
  return JSON.parse(stdout) as PythonShape[];
}

/**
 * Stand-ins for the packages the Node snippets import: each call is appended
 * to the record file as JSON, so a test sees every value a snippet hands over.
 */
const STUBS: Record<string, string> = {
  jose: `
export async function importSPKI(pem, alg) { record('importSPKI', pem, alg); return 'spki-key'; }
export function createRemoteJWKSet(url) { record('createRemoteJWKSet', url.raw); return 'jwks-key'; }
export async function jwtVerify(token, key, options) { record('jwtVerify', token, key, options); return { payload: {}, protectedHeader: { alg: options.algorithms[0] } }; }`,
  express: `
export default function express() {
  return { get: (route) => record('app.get', route), listen: (port) => record('app.listen', port) };
}`,
  passport: `
export default { use: (strategy) => record('passport.use', strategy.options), authenticate: (name) => 'authenticate-' + name };`,
  'passport-jwt': `
export class Strategy { constructor(options) { this.options = options; } }
export const ExtractJwt = { fromAuthHeaderAsBearerToken: () => 'bearer-header' };`,
  'jwks-rsa': `
export default { passportJwtSecret: (options) => ({ provider: options }) };`,
};
const RECORD = `import { appendFileSync } from 'node:fs';
const record = (...call) => appendFileSync(process.env.SNIPPET_RECORD, JSON.stringify(call) + '\\n');
`;
/** Put before a snippet: globals it uses, replaced by recorders (URL would normalise, Buffer would decode). */
const GLOBALS = `globalThis.URL = class { constructor(raw) { this.raw = raw; } };
globalThis.Buffer = { from: (from, encoding) => ({ from, encoding }) };
`;

export async function nodeStubs(root: string): Promise<string> {
  const stubs = await freshFolder(root, 'node');
  for (const [name, body] of Object.entries(STUBS)) {
    const folder = path.join(stubs, 'node_modules', name);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'package.json'), JSON.stringify({ name, type: 'module', exports: './index.js' }));
    await writeFile(path.join(folder, 'index.js'), RECORD + body);
  }
  return stubs;
}

export interface NodeRun {
  checked: boolean;
  checkError: string;
  /** The calls the stubs received, each [name, ...arguments]. */
  calls: unknown[][];
  stdout: string;
  stderr: string;
  exitCode: number;
  leftovers: string[];
}

/** `node --check` on the snippet as given, then runs it against the stub packages. */
export async function runNodeSnippet(stubs: string, code: string, env: Record<string, string>): Promise<NodeRun> {
  const work = await freshFolder(stubs, 'work');
  const records = await freshFolder(stubs, 'record');
  const file = path.join(work, 'snippet.mjs');
  await writeFile(file, code);
  const result: NodeRun = { checked: true, checkError: '', calls: [], stdout: '', stderr: '', exitCode: 0, leftovers: [] };
  try {
    await run(process.execPath, ['--check', file], { timeout: 20_000 });
  } catch (error) {
    return { ...result, checked: false, checkError: String((error as { stderr?: string }).stderr ?? error) };
  }
  const runnable = path.join(work, 'run.mjs');
  await writeFile(runnable, GLOBALS + code);
  const record = path.join(records, 'calls');
  try {
    const { stdout, stderr } = await run(process.execPath, [runnable], { cwd: work, env: bareEnv({ SNIPPET_RECORD: record, ...env }), timeout: 20_000 });
    Object.assign(result, { stdout, stderr });
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    Object.assign(result, { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' });
  }
  result.calls = existsSync(record) ? (await readFile(record, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown[]) : [];
  result.leftovers = (await readdir(work)).filter((name) => name !== 'snippet.mjs' && name !== 'run.mjs');
  return result;
}
