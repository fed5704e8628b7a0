/** Initials on a colour picked from the name, so each person keeps the same colour. */
export function Avatar({ name, size = 24 }: { name: string; size?: number }) {
  const initials =
    name
      .split(/[\s._-]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .join('') || '?';
  let hash = 0;
  for (const char of name) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  }
  return (
    <span
      className="avatar"
      style={{ width: size, height: size, fontSize: size * 0.42, background: `hsl(${hash} 55% 52%)` }}
      aria-hidden="true"
    >
      {initials}
    </span>
  );
}
