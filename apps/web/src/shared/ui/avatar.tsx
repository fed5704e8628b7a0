interface AvatarProps {
  name: string;
  size?: number;
  /** A picture (https); initials are shown without one, or if it fails to load. */
  src?: string | null | undefined;
  /** Square for organizations and teams, round for people. */
  shape?: 'circle' | 'square';
}

/** Initials on a colour picked from the name, so each person keeps the same colour. */
export function Avatar({ name, size = 24, src, shape = 'circle' }: AvatarProps) {
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
  const className = shape === 'square' ? 'avatar avatar-square' : 'avatar';
  const style = { width: size, height: size, fontSize: size * 0.42, background: `hsl(${hash} 55% 52%)` };
  if (src) {
    return (
      <span className={className} style={style} aria-hidden="true">
        <img
          src={src}
          alt=""
          referrerPolicy="no-referrer"
          onError={(event) => {
            event.currentTarget.hidden = true;
          }}
        />
        <span className="avatar-initials">{initials}</span>
      </span>
    );
  }
  return (
    <span className={className} style={style} aria-hidden="true">
      {initials}
    </span>
  );
}
