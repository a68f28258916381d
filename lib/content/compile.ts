// Compiles a module's MDX with mdx-bundler, once per content hash, without its answer key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { CourseModule } from './modules';

/** Bump when the compile step changes, so cached output from an older step is not reused. */
const COMPILER_VERSION = 1;
const CACHE_DIR = path.join(process.cwd(), '.next', 'cache', 'trainer-mdx');

/**
 * The browser never receives which option is right or any explanation: the server returns them
 * when the learner answers, so page source gives nothing away.
 */
export function stripAnswerKey() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (el.name !== 'Option') return;
      el.attributes = el.attributes.filter((a) => a.type !== 'mdxJsxAttribute' || (a.name !== 'correct' && a.name !== 'explain'));
    });
  };
}

const inFlight = new Map<string, Promise<string>>();

export function compileModule(mod: CourseModule): Promise<string> {
  const key = `${mod.hash}-v${COMPILER_VERSION}`;
  let p = inFlight.get(key);
  if (!p) {
    p = compileUncached(mod, key);
    inFlight.set(key, p);
  }
  return p;
}

async function compileUncached(mod: CourseModule, key: string): Promise<string> {
  const file = path.join(CACHE_DIR, `${key}.js`);
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    // not cached yet
  }
  const { bundleMDX } = await import('mdx-bundler');
  let code: string;
  try {
    ({ code } = await bundleMDX({
      source: mod.source,
      cwd: path.dirname(mod.file),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), stripAnswerKey];
        return options;
      },
    }));
  } catch (e) {
    throw new Error(`${path.relative(process.cwd(), mod.file)}: MDX compile failed: ${(e as Error).message}`);
  }
  // Written to a temporary file and renamed, so a half-written file is never read.
  await fs.promises.mkdir(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.promises.writeFile(tmp, code);
  await fs.promises.rename(tmp, file);
  return code;
}
