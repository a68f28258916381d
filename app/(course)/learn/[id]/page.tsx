// One course module, prerendered at build time from its MDX; the learner's answers load in the browser.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { compileModule } from '@/lib/content/compile';
import { getCourse, moduleWithNeighbours } from '@/lib/content/course';
import { renderCompiledMdx } from '@/lib/content/render';
import { skills } from '@/lib/curriculum';
import { lessonComponents } from './lesson-components';
import { ModuleProgressProvider } from './ModuleProgress';
import { ReadingProgress } from './ReadingProgress';

type Props = { params: Promise<{ id: string }> };

// Only the modules that exist are pages; anything else is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getCourse().modules.map((m) => ({ id: m.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = moduleWithNeighbours(getCourse(), (await params).id);
  return found ? { title: found.module.title, description: found.module.summary } : {};
}

export default async function ModulePage({ params }: Props) {
  const course = getCourse();
  const found = moduleWithNeighbours(course, (await params).id);
  if (!found) notFound();
  const { module: mod, previous, next, index } = found;
  const lesson = renderCompiledMdx(await compileModule(mod), lessonComponents);

  return (
    <ModuleProgressProvider moduleId={mod.id}>
      <article className="lesson">
        <header className="lesson-header">
          <p className="lesson-meta">
            <Link href="/learn">Learn</Link> · Module {index + 1} of {course.modules.length} ·{' '}
            <span className="skill-chip">{skills[mod.skill].label}</span> · {mod.minutes} min
          </p>
          <h1>{mod.title}</h1>
          <p className="lead">{mod.summary}</p>
          <ReadingProgress questions={mod.checks.length} />
        </header>
        <div className="lesson-body">
          {lesson}
        </div>
      </article>
      <nav className="lesson-nav" aria-label="Modules">
        {previous ? (
          <Link href={`/learn/${previous.id}`} rel="prev">
            <span className="lesson-nav-dir">Previous</span> {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/learn/${next.id}`} rel="next" className="lesson-nav-next">
            <span className="lesson-nav-dir">Next</span> {next.title}
          </Link>
        ) : (
          <Link href="/learn" className="lesson-nav-next">
            <span className="lesson-nav-dir">Done</span> Back to the course
          </Link>
        )}
      </nav>
    </ModuleProgressProvider>
  );
}
