// The options of every role picker, so the add form, the people list, a person's page and the filter list roles alike.
import { roleLabels } from '@/lib/content/labels';

/** One option per role: "Learner" for a picker, "Learners" for a filter. */
export function RoleOptions({ plural = false }: { plural?: boolean }) {
  return roleLabels.map((r) => (
    <option key={r.role} value={r.role}>
      {plural ? r.many : r.one}
    </option>
  ));
}
