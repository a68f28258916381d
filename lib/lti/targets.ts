// What a platform can link to: a module, a scenario or the learner's check-ups, as paths in the trainer.
import { getCourse } from '@/lib/content/course';
import { scenarioCatalogue } from '@/lib/content/scenarios';

export type TargetKind = 'module' | 'scenario' | 'checkups' | 'home';
export interface Target {
  kind: TargetKind;
  id: string;
  title: string;
  path: string;
}

/** Everything a course designer can pick when adding the trainer to a course. */
export function linkableTargets(): Target[] {
  const modules = getCourse().modules.map((m) => ({ kind: 'module' as const, id: m.id, title: m.title, path: `/learn/${m.id}` }));
  const scenarios = [...scenarioCatalogue().values()].map((s) => ({ kind: 'scenario' as const, id: s.scenario.id, title: s.scenario.title, path: `/practice/${s.scenario.id}` }));
  return [...modules, ...scenarios, { kind: 'checkups', id: 'checkups', title: 'My check-ups', path: '/checkups' }];
}

/**
 * The trainer page a launch's target link names; the home page for a link this tool did not
 * make (the platform's default launch URL, or a module or scenario since removed).
 */
export function targetFor(targetLinkUri: string | undefined, base: string): Target {
  const home: Target = { kind: 'home', id: 'home', title: 'Empathy Trainer', path: '/' };
  if (!targetLinkUri) return home;
  let url: URL;
  try {
    url = new URL(targetLinkUri);
  } catch {
    return home;
  }
  if (url.origin !== new URL(base).origin) return home;
  return linkableTargets().find((t) => t.path === url.pathname.replace(/\/$/, '')) ?? home;
}
