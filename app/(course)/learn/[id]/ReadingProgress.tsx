'use client';
// How far through the module the learner is: reading position, and questions answered.
import { useEffect, useState } from 'react';
import { useModuleProgress } from './ModuleProgress';

export function ReadingProgress({ questions }: { questions: number }) {
  const { answers, status, ready, problem } = useModuleProgress();
  const [read, setRead] = useState(0);
  useEffect(() => {
    const update = () => {
      const el = document.documentElement;
      const max = el.scrollHeight - el.clientHeight;
      setRead(max > 0 ? Math.min(1, el.scrollTop / max) : 1);
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);
  const answered = Object.keys(answers).length;
  return (
    <div className="reading-progress">
      <div className="reading-bar" aria-hidden="true">
        <div className="reading-bar-fill" style={{ transform: `scaleX(${read})` }} />
      </div>
      <p className="reading-status" aria-live="polite">
        {problem ? (
          <span className="alert alert-error">{problem}</span>
        ) : !ready ? (
          'Loading your answers…'
        ) : status === 'completed' ? (
          <strong>Module completed</strong>
        ) : (
          `${answered} of ${questions} questions answered`
        )}
      </p>
    </div>
  );
}
