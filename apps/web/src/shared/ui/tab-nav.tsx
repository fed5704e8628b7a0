import { NavLink } from 'react-router';

export interface Tab {
  to: string;
  label: string;
  /** Match the path exactly (the first tab of a section). */
  end?: boolean;
}

/** Sub-pages of one thing (a project) as links styled like tabs: each is a real URL. */
export function TabNav({ tabs, label }: { tabs: Tab[]; label: string }) {
  return (
    <nav className="tab-nav" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end ?? false} className="tab-link">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
