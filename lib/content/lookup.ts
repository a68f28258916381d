// Finds a module for a request, or answers 404 with a readable message.
import { HttpError } from '@/lib/http-error';
import { getCourse } from './course';
import type { CourseModule } from './modules';

export function requireModule(id: string): CourseModule {
  const mod = getCourse().byId.get(id);
  if (!mod) throw new HttpError(404, `There is no module "${id}".`);
  return mod;
}
