// The options of every team picker, after a first "none" or "any" option the caller names.
import { Options } from './Options';

export function TeamOptions({ teams, none }: { teams: readonly { id: string; name: string }[]; none?: string }) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      <Options items={teams.map((t) => ({ value: t.id, label: t.name }))} />
    </>
  );
}
