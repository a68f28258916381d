// The options of every team picker, after a first "none" or "any" option the caller names.
export function TeamOptions({ teams, none }: { teams: readonly { id: string; name: string }[]; none?: string }) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
}
