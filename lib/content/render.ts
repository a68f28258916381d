// Turns compiled module code into React elements with the course's components (at build time, on the server).
import { getMDXComponent } from 'mdx-bundler/client';
import type { ComponentType, ReactNode } from 'react';

type Components = Record<string, ComponentType<never>>;

export function renderCompiledMdx(code: string, components: Components): ReactNode {
  // The compiled content is a plain function of its props (no hooks), so calling it
  // here yields its elements without declaring a component during render.
  const Content = getMDXComponent(code) as unknown as (props: { components: Components }) => ReactNode;
  return Content({ components });
}
